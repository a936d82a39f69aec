/* awards-proposal.h: the proposal list (danh sách đề nghị) of a year-end review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-eligibility.h"
#include "awards-report.h"

G_BEGIN_DECLS

/*
 * The list of @candidates (AwardsCandidate) proposed for awards after the review of @year, as a
 * report: grouped by award, collectives then individuals, with the achievement (the reason) and
 * the legal basis; written by awards_report_write () as text, CSV, XLSX or PDF. @frame gives the
 * issuing unit, place, date and signer (NULL for the defaults).
 */
AwardsReport *awards_proposal_build_report (GPtrArray                 *candidates,
                                            int                        year,
                                            const AwardsReportRequest *frame);

G_END_DECLS
