#pragma once

#include <glib-object.h>

#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PERSON (awards_person_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPerson, awards_person, AWARDS, PERSON, GObject)

AwardsPerson *awards_person_new  (void);
AwardsPerson *awards_person_copy (AwardsPerson *self);

gint64 awards_person_get_id (AwardsPerson *self);
void   awards_person_set_id (AwardsPerson *self,
                             gint64        id);

const char *awards_person_get_full_name (AwardsPerson *self);
void        awards_person_set_full_name (AwardsPerson *self,
                                         const char   *full_name);

const char *awards_person_get_family_name (AwardsPerson *self);
void        awards_person_set_family_name (AwardsPerson *self,
                                           const char   *family_name);

const char *awards_person_get_middle_name (AwardsPerson *self);
void        awards_person_set_middle_name (AwardsPerson *self,
                                           const char   *middle_name);

const char *awards_person_get_given_name (AwardsPerson *self);
void        awards_person_set_given_name (AwardsPerson *self,
                                          const char   *given_name);

AwardsGender awards_person_get_gender (AwardsPerson *self);
void         awards_person_set_gender (AwardsPerson *self,
                                       AwardsGender  gender);

int  awards_person_get_birth_year (AwardsPerson *self);
void awards_person_set_birth_year (AwardsPerson *self,
                                   int           birth_year);

gint64 awards_person_get_organisation_id (AwardsPerson *self);
void   awards_person_set_organisation_id (AwardsPerson *self,
                                          gint64        organisation_id);

const char *awards_person_get_organisation_name (AwardsPerson *self);
void        awards_person_set_organisation_name (AwardsPerson *self,
                                                 const char   *organisation_name);

const char *awards_person_get_position (AwardsPerson *self);
void        awards_person_set_position (AwardsPerson *self,
                                        const char   *position);

const char *awards_person_get_notes (AwardsPerson *self);
void        awards_person_set_notes (AwardsPerson *self,
                                     const char   *notes);

guint awards_person_get_award_count (AwardsPerson *self);
void  awards_person_set_award_count (AwardsPerson *self,
                                     guint         award_count);

gint64 awards_person_get_row_version (AwardsPerson *self);
void   awards_person_set_row_version (AwardsPerson *self,
                                      gint64       row_version);

G_END_DECLS
