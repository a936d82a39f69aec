#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The interface is Vietnamese: every message marked for translation in the files po/POTFILES.in
# lists has a translation in po/vi.po, none of them fuzzy, and every source or interface file
# that marks a message is listed there. A message written in English only stays English on a
# Vietnamese desktop, where a clerk meets it in the middle of Vietnamese sentences.
#
# Usage: test-translations.sh SOURCE-ROOT
set -euo pipefail

root=${1:?usage: test-translations.sh SOURCE-ROOT}
for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" > /dev/null; then
    echo "$tool is missing (Debian package gettext): skipped"
    exit 77
  fi
done
cd "$root"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-translations.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0

# Files that mark messages but that xgettext would never read.
{
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext) \(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui --include='*.ui' || true
} | sort -u > "$tmp/marking"
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u > "$tmp/listed"
if comm -23 "$tmp/marking" "$tmp/listed" | grep . > "$tmp/unlisted"; then
  echo "not in po/POTFILES.in, so never translated:"
  sed 's/^/  /' "$tmp/unlisted"
  status=1
fi

# The glib preset of meson's i18n module, which builds the catalogue.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 --files-from=po/POTFILES.in --output="$tmp/messages.pot"
msgmerge --quiet --no-fuzzy-matching po/vi.po "$tmp/messages.pot" --output-file="$tmp/vi.po"
for kind in untranslated only-fuzzy; do
  msgattrib "--$kind" --no-obsolete "$tmp/vi.po" > "$tmp/$kind.po"
  if grep -q '^#:' "$tmp/$kind.po"; then
    echo "messages ${kind/only-/} in po/vi.po:"
    sed -n '/^#:/,$p' "$tmp/$kind.po" | grep -E '^(#:|msgid|")' | sed 's/^/  /'
    status=1
  fi
done
msgfmt --statistics -o /dev/null "$tmp/vi.po"
exit "$status"
