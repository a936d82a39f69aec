#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWARDS_TYPE_AUTHORITY (awards_authority_get_type ())

G_DECLARE_FINAL_TYPE (AwardsAuthority, awards_authority, AWARDS, AUTHORITY, GObject)

AwardsAuthority *awards_authority_new  (void);
AwardsAuthority *awards_authority_copy (AwardsAuthority *self);

gint64 awards_authority_get_id (AwardsAuthority *self);
void   awards_authority_set_id (AwardsAuthority *self,
                                gint64           id);

const char *awards_authority_get_name (AwardsAuthority *self);
void        awards_authority_set_name (AwardsAuthority *self,
                                       const char      *name);

const char *awards_authority_get_short_name (AwardsAuthority *self);
void        awards_authority_set_short_name (AwardsAuthority *self,
                                             const char      *short_name);

guint awards_authority_get_award_count (AwardsAuthority *self);
void  awards_authority_set_award_count (AwardsAuthority *self,
                                        guint            award_count);

G_END_DECLS
