/* awards-import-letters.c: letters of legacy Vietnamese text that only look right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-import-letters.h"

/**
 * awards_import_fix_look_alikes:
 * @text: a field of an award list, UTF-8, changed in place
 *
 * Text converted from the VNI and TCVN3 fonts, or typed with some old keyboards, writes Đ and đ
 * as the Icelandic Ð and ð (eth), which look the same on screen and in print. Kept as written,
 * "Ðỗ Thị Hương" would be another person than "Đỗ Thị Hương", and the clerk would be asked
 * whether one is the other without being able to see a difference. No Vietnamese list means
 * an eth, so both become the Vietnamese letters; each is two bytes in UTF-8, as its
 * replacement is, so the text keeps its length.
 */
void
awards_import_fix_look_alikes (char *text)
{
  for (char *p = text != NULL ? strchr (text, '\xC3') : NULL; p != NULL; p = strchr (p, '\xC3'))
    {
      if ((guchar) p[1] == 0x90)
        {
          p[0] = (char) 0xC4;   /* U+00D0 → U+0110 */
        }
      else if ((guchar) p[1] == 0xB0)
        {
          p[0] = (char) 0xC4;   /* U+00F0 → U+0111 */
          p[1] = (char) 0x91;
        }
      p++;
    }
}
