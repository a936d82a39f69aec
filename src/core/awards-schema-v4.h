/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 4: the year-end review: ratings, initiatives, authority levels, staff classes (issue 13).
 * Included by awards-schema.c only. A step is never edited once released.
 *
 * A rating and an initiative belong to exactly one recipient, an organisation or a person, as an
 * award does; one rating per recipient and year. The authority level is guessed from the folded
 * name (search_key) for the authorities already there and for every new one, by a trigger, so that
 * an authority written by any path gets one; the clerk corrects it where the guess is wrong. Award
 * types already say whether they are titles or forms (award_type.category, step 1).
 */
#define AUTHORITY_LEVEL_GUESS(key) \
  "CASE" \
  " WHEN " key " LIKE '%chu tich nuoc%' OR " key " LIKE '%thu tuong%'" \
  "   OR " key " LIKE 'chinh phu%' THEN 'central'" \
  " WHEN " key " LIKE 'ubnd tinh%' OR " key " LIKE 'ubnd thanh pho%'" \
  "   OR " key " LIKE 'uy ban nhan dan tinh%' OR " key " LIKE 'uy ban nhan dan thanh pho%'" \
  "   OR " key " LIKE 'bo %' OR " key " LIKE '%viet nam%' OR " key " LIKE '%trung uong%'" \
  "   THEN 'province'" \
  " WHEN " key " LIKE 'ubnd huyen%' OR " key " LIKE 'ubnd quan%' OR " key " LIKE 'ubnd thi xa%'" \
  "   OR " key " LIKE 'uy ban nhan dan huyen%' OR " key " LIKE 'uy ban nhan dan quan%'" \
  "   OR " key " LIKE 'lien minh%' THEN 'district'" \
  " ELSE 'base' END"

static const char schema_v4[] =
  "CREATE TABLE annual_rating ("
  "  id              INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,"
  "  person_id       INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  "  rating          TEXT NOT NULL CHECK (rating = 'excellent' OR rating = 'good'"
  "                    OR rating = 'completed' OR rating = 'not_completed'),"
  "  CHECK ((organisation_id IS NULL) <> (person_id IS NULL))"
  ");"
  "CREATE UNIQUE INDEX annual_rating_once ON annual_rating"
  " (ifnull (organisation_id, -person_id), year);"
  "CREATE INDEX annual_rating_year ON annual_rating (year);"

  "CREATE TABLE initiative ("
  "  id              INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,"
  "  person_id       INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  "  title           TEXT NOT NULL CHECK (title <> ''),"
  "  scope           TEXT NOT NULL CHECK (scope = 'base' OR scope = 'province'"
  "                    OR scope = 'national'),"
  "  CHECK ((organisation_id IS NULL) <> (person_id IS NULL))"
  ");"
  "CREATE INDEX initiative_recipient ON initiative (ifnull (organisation_id, -person_id), year);"
  "CREATE INDEX initiative_year ON initiative (year);"

  "ALTER TABLE authority ADD COLUMN level TEXT CHECK (level IS NULL OR level = 'central'"
  "  OR level = 'province' OR level = 'district' OR level = 'base');"
  "UPDATE authority SET level = " AUTHORITY_LEVEL_GUESS ("search_key") ";"
  "CREATE TRIGGER authority_level_insert AFTER INSERT ON authority WHEN NEW.level IS NULL"
  " BEGIN"
  "  UPDATE authority SET level = " AUTHORITY_LEVEL_GUESS ("NEW.search_key")
  "   WHERE id = NEW.id;"
  " END;"

  /* Positions to the staff classes of the statistics forms (TT 02/2023/TT-BNV, 0602.N/0603.N).
   * position_key is the folded position; the longest key that starts a position wins, so that
   * "Phó giám đốc sở" is not taken for "Phó giám đốc". */
  "CREATE TABLE staff_class ("
  "  id           INTEGER PRIMARY KEY,"
  "  position     TEXT NOT NULL CHECK (position <> ''),"
  "  position_key TEXT NOT NULL UNIQUE,"
  "  class        TEXT NOT NULL CHECK (class = 'leader_province' OR class = 'leader_department'"
  "                 OR class = 'entrepreneur' OR class = 'leader_other' OR class = 'worker')"
  ");"
  "INSERT INTO staff_class (position, position_key, class) VALUES"
  " ('Bộ trưởng', 'bo truong', 'leader_province'),"
  " ('Thứ trưởng', 'thu truong', 'leader_province'),"
  " ('Chủ tịch UBND tỉnh', 'chu tich ubnd tinh', 'leader_province'),"
  " ('Phó Chủ tịch UBND tỉnh', 'pho chu tich ubnd tinh', 'leader_province'),"
  " ('Chủ tịch Liên minh Hợp tác xã', 'chu tich lien minh', 'leader_department'),"
  " ('Phó Chủ tịch Liên minh Hợp tác xã', 'pho chu tich lien minh', 'leader_department'),"
  " ('Giám đốc sở', 'giam doc so', 'leader_department'),"
  " ('Phó giám đốc sở', 'pho giam doc so', 'leader_department'),"
  " ('Chủ tịch Hội đồng quản trị', 'chu tich hoi dong quan tri', 'entrepreneur'),"
  " ('Chủ tịch HĐQT', 'chu tich hdqt', 'entrepreneur'),"
  " ('Tổng giám đốc', 'tong giam doc', 'entrepreneur'),"
  " ('Chủ doanh nghiệp', 'chu doanh nghiep', 'entrepreneur'),"
  " ('Chủ nhiệm', 'chu nhiem', 'leader_other'),"
  " ('Phó chủ nhiệm', 'pho chu nhiem', 'leader_other'),"
  " ('Giám đốc', 'giam doc', 'leader_other'),"
  " ('Phó giám đốc', 'pho giam doc', 'leader_other'),"
  " ('Trưởng phòng', 'truong phong', 'leader_other'),"
  " ('Phó trưởng phòng', 'pho truong phong', 'leader_other'),"
  " ('Trưởng ban', 'truong ban', 'leader_other'),"
  " ('Kế toán trưởng', 'ke toan truong', 'leader_other'),"
  " ('Xã viên', 'xa vien', 'worker'),"
  " ('Thành viên', 'thanh vien', 'worker'),"
  " ('Nhân viên', 'nhan vien', 'worker'),"
  " ('Công nhân', 'cong nhan', 'worker'),"
  " ('Nông dân', 'nong dan', 'worker'),"
  " ('Kế toán', 'ke toan', 'worker'),"
  " ('Kỹ thuật viên', 'ky thuat vien', 'worker'),"
  " ('Lao động', 'lao dong', 'worker');";
