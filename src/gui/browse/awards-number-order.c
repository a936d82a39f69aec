/* awards-number-order.c: decision numbers in the order a clerk counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-number-order.h"

/**
 * awards_number_order_compare:
 * @a: (nullable): a decision number, such as "789/QĐ-UBND"
 * @b: (nullable): another
 *
 * Compares runs of digits by their value and the rest as text, so that "789/QĐ-UBND" comes
 * before "3457/QĐ-UBND", where a comparison of text would put it after. Missing numbers come
 * last.
 *
 * Returns: negative, zero or positive, as strcmp()
 */
int
awards_number_order_compare (const char *a,
                             const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *start_a, *start_b;
          size_t length_a, length_b;
          int order;

          /* Leading zeros do not count; then the longer run is the larger number. */
          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          start_a = a;
          start_b = b;
          while (g_ascii_isdigit (*a))
            a++;
          while (g_ascii_isdigit (*b))
            b++;
          length_a = (size_t) (a - start_a);
          length_b = (size_t) (b - start_b);
          if (length_a != length_b)
            return length_a < length_b ? -1 : 1;
          order = strncmp (start_a, start_b, length_a);
          if (order != 0)
            return order;
          continue;
        }

      if (*a != *b)
        return (unsigned char) *a < (unsigned char) *b ? -1 : 1;
      a++;
      b++;
    }

  return (*a != '\0') - (*b != '\0');
}
