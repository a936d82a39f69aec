/* awards-settings.h: the office profile and the register-number sequences, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/*
 * Settings are key/value texts in the database (schema step 3), so that the CLI and every clerk
 * share them. The keys are fixed (awards_settings_get_keys ()); values are normalised like every
 * other text (NFC, trimmed, inner whitespace collapsed), and an empty value means the default.
 *
 *   office.parent         the governing body printed above the office's name
 *   office.name           the office's name (the issuing body)
 *   office.abbreviation   the office's abbreviation in document numbers: "Số: …/BC-ABBR"
 *   office.place          the place in the place-and-date line: "Hải Phòng, ngày …"
 *   signer.form           "TM.", "KT." or "" (the signer signs in their own right)
 *   signer.head_title     with "KT.": the head's title the deputy signs for ("CHỦ TỊCH")
 *   signer.title          the signer's title ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
 *   signer.name           the signer's full name
 *   year.start            the reporting year's first day as dd/mm (default 01/12)
 *   report.font           the font family of printed documents (default Liberation Serif)
 *   report.font_size      the body size in points, 12 to 14 (default 13)
 */

typedef struct
{
  char   *parent;
  char   *name;
  char   *abbreviation;
  char   *place;
  char   *signer_form;
  char   *signer_head_title;
  char   *signer_title;
  char   *signer_name;
  guint   year_start_day;
  guint   year_start_month;
  char   *font;
  double  font_size;
} AwardsOfficeProfile;

void                  awards_office_profile_free    (AwardsOfficeProfile  *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsOfficeProfile, awards_office_profile_free)

/* The line above the signer's title: "TM. LIÊN MINH HỢP TÁC XÃ" for a signature on behalf of the
 * office, "KT. CHỦ TỊCH" for a deputy, NULL when the signer signs in their own right. */
char                 *awards_office_profile_form_line (const AwardsOfficeProfile *profile);

/* The known keys, NULL-terminated, in the order `settings list` prints them. */
const char * const   *awards_settings_get_keys      (void);
gboolean              awards_settings_is_key        (const char           *key);
/* The value a key has while nobody set it. */
const char           *awards_settings_get_default   (const char           *key);
/* Checks and normalises @value for @key; returns NULL with an error saying what is wrong. */
char                 *awards_settings_normalize     (const char           *key,
                                                     const char           *value,
                                                     GError              **error);

/* The value of @key, or its default when unset. */
char                 *awards_store_get_setting      (AwardsStore          *store,
                                                     const char           *key,
                                                     GError              **error);
/* Sets @key in one transaction; an empty or NULL @value returns the key to its default. */
gboolean              awards_store_set_setting      (AwardsStore          *store,
                                                     const char           *key,
                                                     const char           *value,
                                                     GError              **error);
/* Every key with its value (defaults filled in), as a table key → value. */
GHashTable           *awards_store_list_settings    (AwardsStore          *store,
                                                     GError              **error);
AwardsOfficeProfile  *awards_store_get_office_profile (AwardsStore        *store,
                                                       GError            **error);

/*
 * Gives every award in @ids (commendation ids) that has no register number the next number of
 * @year's sequence, "N/YYYY", skipping numbers already on an award; the sequence and the awards
 * change in one transaction, so a number is never handed out twice. Awards that already have a
 * number keep it.
 */
gboolean              awards_store_assign_register_numbers (AwardsStore   *store,
                                                            const gint64  *ids,
                                                            guint          n_ids,
                                                            int            year,
                                                            GError       **error);

/* A printer's offset in mm (how far it moves what it prints; certificates are shifted back by
 * it), kept per printer name; 0, 0 for a printer never calibrated. */
gboolean              awards_store_get_printer_offset (AwardsStore        *store,
                                                       const char         *printer,
                                                       double             *x,
                                                       double             *y,
                                                       GError            **error);
gboolean              awards_store_set_printer_offset (AwardsStore        *store,
                                                       const char         *printer,
                                                       double              x,
                                                       double              y,
                                                       GError            **error);

G_END_DECLS
