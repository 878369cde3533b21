/* ind_cells.h — the cells every indicator table writes the same way (the
 * dashboard's, views/dashboard.c and views/dashboard_phase2.c, and the full
 * list's, views/indicator_list.c): "1 av 12", "8 %" or "–" for 0 of 0, a
 * number with Norwegian grouping, a column header, and a unit's proposal
 * state in words. */
#ifndef EVNE_VIEWS_IND_CELLS_H
#define EVNE_VIEWS_IND_CELLS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/indicators.h"
#include "domain/indicators_phase2.h"
#include "html/html.h"

/* "1 av 12" */
void v_ind_count(struct html *h, const struct ind_ratio *r);
/* "8 %", or "–" for 0 of 0 */
void v_ind_percent(struct html *h, const struct ind_ratio *r);
/* <th scope="col">m</th> */
void v_ind_th_col(struct html *h, enum msg m);
/* <td class="num">1 234</td> */
void v_ind_td_num(struct html *h, int64_t v);
/* <td>1 av 12</td><td>8 %</td> */
void v_ind_ratio_cells(struct html *h, const struct ind_ratio *r);
/* <td>1 av 12 (8 %)</td> */
void v_ind_ratio_cell(struct html *h, const struct ind_ratio *r);
/* "Sendt inn", "Utkast", "Ikke påbegynt", … with "(ingen personer, ikke
 * forventet)" for a unit not expected to submit. */
void v_ind_p2_status(struct html *h, const struct ind_p2_unit *u);

/* The dashboards' charts (views/dashboard.c, views/dashboard_phase2.c): an
 * SVG of rows of horizontal bars, each labelled in text so it reads
 * without colour. */
enum { IND_BAR_X = 8, IND_BAR_W = 384, IND_ROW_H = 56, IND_CHART_W = 400 };
/* <svg role="img"> of rows bars, titled title (its id: id-title) and
 * described by the element described_by (the table with the numbers). */
void v_ind_chart_begin(struct html *h, const char *id, enum msg title, const char *described_by, int rows);
/* Row row of a chart: the label and numbers in text, then the bar (an
 * outline the full width, filled to r's share). count_only: "12 (48 %)"
 * rather than "12 av 25 (48 %)". */
void v_ind_bar(struct html *h, int row, enum msg label, const struct ind_ratio *r, bool count_only);
/* A unit's name linked to its part of the full list; own_only (the row of
 * a unit's own figures, whose list would hold the rows below too): the
 * name alone, as "name (own)". */
void v_ind_unit_link(struct html *h, int64_t cycle_id, int64_t unit_id, const char *name, bool own_only);

#endif
