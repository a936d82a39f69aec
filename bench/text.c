/* text.c — times the text keys that an import computes for every name.
 *
 * An import of 200,000 rows computes a collation key, a folded key, a person's sort key and the
 * normalised form of each name; this prints how long each takes for N names (default 200,000).
 * It used to be a test, but a time is not a pass or a fail: it belongs here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "awards-text.h"

static const char *names[] = {
  "Nguyễn Văn An", "Trần Thị Bích Hường", "Hợp tác xã Nông nghiệp Bạch Đằng", "Lê Bình",
  "Phạm Ngọc Ước", "Đỗ Thị Thu Hương", "HTX Dịch vụ Thủy sản Đông Hải", "Vũ Văn Ơn",
};

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 200000;
  g_autoptr (GTimer) timer = g_timer_new ();
  gsize total = 0;

  setlocale (LC_ALL, "C.UTF-8");

  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i % G_N_ELEMENTS (names)];
      g_autoptr (GBytes) key = awards_text_collation_key (name);
      g_autofree char *folded = awards_text_fold (name);

      total += g_bytes_get_size (key) + strlen (folded);
    }
  g_print ("| %u × awards_text_collation_key + awards_text_fold | %.3f s |\n", n,
           g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GBytes) key = awards_text_person_sort_key (names[i % G_N_ELEMENTS (names)]);

      total += g_bytes_get_size (key);
    }
  g_print ("| %u × awards_text_person_sort_key | %.3f s |\n", n, g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *normalized = awards_text_normalize (names[i % G_N_ELEMENTS (names)]);

      total += strlen (normalized);
    }
  g_print ("| %u × awards_text_normalize | %.3f s |\n", n, g_timer_elapsed (timer, NULL));

  /* Printed so that no compiler can drop the work. */
  g_print ("(%zu bytes of keys)\n", total);
  return EXIT_SUCCESS;
}
