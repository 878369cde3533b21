/* ind_cells.h — the cells every indicator table writes the same way (the
 * dashboard's, views/dashboard.c and views/dashboard_phase2.c, and the full
 * list's, views/indicator_list.c): "1 av 12", "8 %" or "–" for 0 of 0, a
 * number with Norwegian grouping, a column header, and a unit's proposal
 * state in words. */
#ifndef EVNE_VIEWS_IND_CELLS_H
#define EVNE_VIEWS_IND_CELLS_H

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

#endif
