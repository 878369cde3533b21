/* ind_cells.c — the shared cells of the indicator tables. */
#include "views/ind_cells.h"

#include "base/arena.h"

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

/* ---- the dashboards' charts ---- */

void v_ind_chart_begin(struct html *h, const char *id, enum msg title, const char *described_by, int rows)
{
	HTML_LIT(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"dash-chart\"");
	HTML_ATTR(h, "aria-labelledby", arena_printf(h->b->arena, "%s-title", id));
	HTML_ATTR(h, "aria-describedby", described_by);
	HTML_ATTR(h, "viewBox", arena_printf(h->b->arena, "0 0 %d %d", IND_CHART_W, rows * IND_ROW_H));
	HTML_ATTR_INT(h, "width", IND_CHART_W);
	HTML_ATTR_INT(h, "height", rows * IND_ROW_H);
	HTML_LIT(h, "><title");
	HTML_ATTR(h, "id", arena_printf(h->b->arena, "%s-title", id));
	HTML_LIT(h, ">");
	html_msg(h, title);
	HTML_LIT(h, "</title>");
}

void v_ind_bar(struct html *h, int row, enum msg label, const struct ind_ratio *r, bool count_only)
{
	int y = row * IND_ROW_H;
	HTML_LIT(h, "<text font-size=\"14\" fill=\"#1e1e1e\"");
	HTML_ATTR_INT(h, "x", IND_BAR_X);
	HTML_ATTR_INT(h, "y", y + 18);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, ": ");
	if (count_only)
		html_num(h, r->count);
	else
		v_ind_count(h, r);
	HTML_LIT(h, " (");
	v_ind_percent(h, r);
	HTML_LIT(h, ")</text><rect height=\"18\" fill=\"#ffffff\" stroke=\"#1e1e1e\"");
	HTML_ATTR_INT(h, "x", IND_BAR_X);
	HTML_ATTR_INT(h, "y", y + 26);
	HTML_ATTR_INT(h, "width", IND_BAR_W);
	HTML_LIT(h, "/>");
	int len = ind_bar_length(r, IND_BAR_W);
	if (len > 0) {
		HTML_LIT(h, "<rect height=\"18\" fill=\"#0062ba\"");
		HTML_ATTR_INT(h, "x", IND_BAR_X);
		HTML_ATTR_INT(h, "y", y + 26);
		HTML_ATTR_INT(h, "width", len);
		HTML_LIT(h, "/>");
	}
}

void v_ind_unit_link(struct html *h, int64_t cycle_id, int64_t unit_id, const char *name, bool own_only)
{
	if (own_only) {
		html_msgf(h, MSG_IND_OWN_ONLY, name ? name : "");
		return;
	}
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld/indicators?unit=%lld", (long long)cycle_id,
				     (long long)unit_id));
	HTML_LIT(h, ">");
	html_text(h, name);
	HTML_LIT(h, "</a>");
}
