/* ind_cells.c — the shared cells of the indicator tables. */
#include "views/ind_cells.h"

void v_ind_count(struct html *h, const struct ind_ratio *r)
{
	html_msgf(h, MSG_PREP_X_OF_N, (long long)r->count, (long long)r->total);
}

void v_ind_percent(struct html *h, const struct ind_ratio *r)
{
	if (r->percent < 0)
		html_msg(h, MSG_DASH_NO_PERCENT);
	else
		html_msgf(h, MSG_DASH_PERCENT, r->percent);
}

void v_ind_th_col(struct html *h, enum msg m)
{
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, m);
	HTML_LIT(h, "</th>");
}

void v_ind_td_num(struct html *h, int64_t v)
{
	HTML_LIT(h, "<td class=\"num\">");
	html_num(h, v);
	HTML_LIT(h, "</td>");
}

void v_ind_ratio_cells(struct html *h, const struct ind_ratio *r)
{
	HTML_LIT(h, "<td>");
	v_ind_count(h, r);
	HTML_LIT(h, "</td><td>");
	v_ind_percent(h, r);
	HTML_LIT(h, "</td>");
}

void v_ind_ratio_cell(struct html *h, const struct ind_ratio *r)
{
	HTML_LIT(h, "<td>");
	v_ind_count(h, r);
	HTML_LIT(h, " (");
	v_ind_percent(h, r);
	HTML_LIT(h, ")</td>");
}

void v_ind_p2_status(struct html *h, const struct ind_p2_unit *u)
{
	enum msg m = MSG_IND2_STATUS_NOT_STARTED;
	if (u->started) {
		switch (u->status) {
		case PROPOSAL_SUBMITTED: m = MSG_IND2_STATUS_SUBMITTED; break;
		case PROPOSAL_RETURNED: m = MSG_IND2_STATUS_RETURNED; break;
		case PROPOSAL_DRAFT:
		case PROPOSAL_STATUS_COUNT: m = MSG_IND2_STATUS_DRAFT; break;
		}
	}
	html_msg(h, m);
	if (!ind_p2_expected(u)) {
		HTML_LIT(h, " (");
		html_msg(h, MSG_IND2_NOT_EXPECTED);
		HTML_LIT(h, ")");
	}
}
