/* heatmap.c (views) — the heat map as a table: the options (a GET form:
 * drafts too, weighted by criticality, one unit), the legend first (so the
 * steps are known before the cells), then units by top-level competence
 * area with sums. A cell says its value and the highest criticality in
 * words; its step is a class (colour and pattern, assets/evne.css) and a
 * symbol, and the legend names each step's range. */
#include "views/heatmap.h"

#include "base/arena.h"
#include "base/buf.h"
#include "views/form.h"
#include "views/pager.h"

/* One symbol per step, so the step reads in print and without colour. */
static const char *const STEP_SYMBOL[HEAT_BUCKETS] = { "", "○", "◔", "◑", "●" };

static void step_class(struct html *h, int bucket)
{
	static const char *const cls[HEAT_BUCKETS] = { "heat heat-0", "heat heat-1", "heat heat-2",
						       "heat heat-3", "heat heat-4" };
	HTML_ATTR(h, "class", cls[bucket >= 0 && bucket < HEAT_BUCKETS ? bucket : 0]);
}

static const char *heat_url(struct html *h, const struct v_heatmap *m, int64_t unit_id, int page)
{
	struct arena *a = h->b->arena;
	struct url_builder u;
	url_begin(&u, a, url_path(a, "/cycles/%lld/compilation/heatmap", (long long)m->head.cycle_id));
	if (unit_id)
		url_param_int(&u, "unit", unit_id);
	if (m->drafts)
		url_param_int(&u, "drafts", 1);
	if (m->weighted)
		url_param_int(&u, "weighted", 1);
	if (page > 1)
		url_param_int(&u, "page", page);
	return url_end(&u);
}

static void options_form(struct html *h, const struct v_heatmap *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<form method=\"get\" class=\"comp-actions\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/compilation/heatmap", (long long)m->head.cycle_id));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">");
	html_msg(h, MSG_CMPL_HEAT_OPTIONS);
	HTML_LIT(h, "</legend><div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\""
		    " id=\"f-drafts\" name=\"drafts\" value=\"1\"");
	if (m->drafts)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "><label class=\"ds-label\" for=\"f-drafts\">");
	html_msg(h, MSG_CMPL_FILTER_DRAFTS);
	HTML_LIT(h, "</label></div><div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\""
		    " id=\"f-weighted\" name=\"weighted\" value=\"1\"");
	if (m->weighted)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "><label class=\"ds-label\" for=\"f-weighted\">");
	html_msg(h, MSG_CMPL_HEAT_WEIGHTED);
	HTML_LIT(h, "</label></div></fieldset>");
	if (m->unit_id) {
		HTML_LIT(h, "<input type=\"hidden\" name=\"unit\"");
		HTML_ATTR_INT(h, "value", m->unit_id);
		HTML_LIT(h, ">");
	}
	v_submit(h, MSG_CMPL_FILTER_APPLY, false);
	HTML_LIT(h, "</form>\n");
}

/* Where in the unit tree the map is: the whole organisation, then each
 * unit down to the one opened (the last is the current page). */
static void path_nav(struct html *h, const struct v_heatmap *m)
{
	HTML_LIT(h, "<nav class=\"comp-path\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_CMPL_HEAT_PATH));
	HTML_LIT(h, "><ol>");
	for (int i = -1; i < m->npath; i++) {
		bool last = i == m->npath - 1;
		const char *name = i < 0 ? msg(h->lang, MSG_CMPL_HEAT_TOP) : m->path[i].label;
		HTML_LIT(h, "<li>");
		if (last) {
			HTML_LIT(h, "<span aria-current=\"page\">");
			html_text(h, name);
			HTML_LIT(h, "</span>");
		} else {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", heat_url(h, m, i < 0 ? 0 : m->path[i].id, 1));
			HTML_LIT(h, ">");
			html_text(h, name);
			HTML_LIT(h, "</a>");
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ol></nav>\n");
}

/* The values of step b (1..4) against max are lo..hi: heat_bucket is
 * ceil(4 v / max), so step b holds (b-1)max/4 < v <= b max/4 (empty for a
 * small max). */
static void step_range(int b, int64_t max, int64_t *lo, int64_t *hi)
{
	*lo = (b - 1) * max / 4 + 1;
	*hi = b * max / 4;
}

static void legend(struct html *h, const struct v_heatmap *m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\" id=\"legend\">");
	html_msg(h, MSG_CMPL_HEAT_LEGEND);
	HTML_LIT(h, "</h2>\n<ul class=\"heat-legend\" aria-labelledby=\"legend\">");
	HTML_LIT(h, "<li><span class=\"heat heat-0\">0</span> ");
	html_msg(h, MSG_CMPL_HEAT_STEP_NONE);
	HTML_LIT(h, "</li>");
	for (int b = 1; b < HEAT_BUCKETS; b++) {
		int64_t lo, hi;
		step_range(b, m->grid->max, &lo, &hi);
		if (lo > hi)
			continue;
		HTML_LIT(h, "<li><span");
		step_class(h, b);
		HTML_LIT(h, "><span class=\"heat-mark\"><span aria-hidden=\"true\">");
		html_text(h, STEP_SYMBOL[b]);
		HTML_LIT(h, "</span></span></span> ");
		if (lo == hi)
			html_msgf(h, MSG_CMPL_HEAT_STEP_ONE, (long long)lo);
		else
			html_msgf(h, MSG_CMPL_HEAT_STEP_RANGE, (long long)lo, (long long)hi);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
}

static void cell(struct html *h, const struct v_heatmap *m, const struct heat_cell *c)
{
	int64_t v = heat_value(c, m->weighted);
	HTML_LIT(h, "<td");
	step_class(h, heat_bucket(v, m->grid->max));
	HTML_LIT(h, ">");
	if (v == 0) {
		HTML_LIT(h, "0</td>");
		return;
	}
	HTML_LIT(h, "<span class=\"heat-mark\"><span aria-hidden=\"true\">");
	html_text(h, STEP_SYMBOL[heat_bucket(v, m->grid->max)]);
	HTML_LIT(h, " </span>");
	html_num(h, v);
	HTML_LIT(h, "</span><span class=\"heat-crit\">");
	html_msgf(h, MSG_CMPL_HEAT_CELL_MAX,
		  msg(h->lang, v_comp_crit_msg((enum criticality)(c->max_crit < 0 ? 0 : c->max_crit))));
	HTML_LIT(h, "</span></td>");
}

void v_heatmap(struct html *h, const struct v_heatmap *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_CMPL_HEAT_TITLE, m->head.cycle_name);
	HTML_LIT(h, "</h1>\n");
	v_comp_subnav(h, m->head.cycle_id, true);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m->weighted ? MSG_CMPL_HEAT_INTRO_WEIGHTED : MSG_CMPL_HEAT_INTRO);
	HTML_LIT(h, "</p>\n");
	options_form(h, m);
	path_nav(h, m);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, MSG_CMPL_HEAT_ROWS_INTRO);
	HTML_LIT(h, "</p>\n");
	if (m->grid->nrows == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_CMPL_HEAT_EMPTY);
		HTML_LIT(h, "</p>\n");
		return;
	}
	legend(h, m);
	HTML_LIT(h, "<div class=\"heat-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"heat-caption\">"
		    "<table class=\"ds-table heat-table\"><caption id=\"heat-caption\">");
	html_msg(h, m->weighted ? MSG_CMPL_HEAT_CAPTION_WEIGHTED : MSG_CMPL_HEAT_CAPTION);
	if (m->npath > 0) {
		HTML_LIT(h, " ");
		html_msgf(h, MSG_CMPL_HEAT_CAPTION_UNDER, m->path[m->npath - 1].label);
	}
	if (m->pages > 1) {
		HTML_LIT(h, " ");
		html_msgf(h, MSG_CMPL_PAGE_OF, m->page, m->pages);
	}
	if (m->drafts) {
		HTML_LIT(h, " ");
		html_msg(h, MSG_CMPL_HEAT_CAPTION_DRAFTS);
	}
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_CMPL_COL_UNIT);
	HTML_LIT(h, "</th>");
	for (int j = 0; j < m->grid->ncols; j++) {
		HTML_LIT(h, "<th scope=\"col\">");
		if (m->grid->col_names[j])
			html_text(h, m->grid->col_names[j]);
		else
			html_msg(h, MSG_CMPL_HEAT_NOT_IN_CATALOGUE);
		HTML_LIT(h, "</th>");
	}
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, MSG_CMPL_TOTAL);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_CMPL_COL_UNITS_WITH_NEEDS);
	HTML_LIT(h, "</th></tr></thead><tbody>\n");
	int from = (m->page - 1) * V_HEAT_ROWS_PER_PAGE;
	int to = from + V_HEAT_ROWS_PER_PAGE < m->grid->nrows ? from + V_HEAT_ROWS_PER_PAGE : m->grid->nrows;
	int64_t units = 0;
	for (int i = 0; i < m->grid->nrows; i++)
		units += m->grid->rows[i].units;
	for (int i = from; i < to; i++) {
		const struct heat_row *r = &m->grid->rows[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		if (m->node_id && r->unit_id == m->node_id) {
			html_msgf(h, MSG_CMPL_HEAT_OWN_ROW, r->name);
		} else if (m->drillable && m->drillable[i]) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", heat_url(h, m, r->unit_id, 1));
			HTML_LIT(h, ">");
			html_text(h, r->name);
			HTML_LIT(h, "</a>");
		} else {
			html_text(h, r->name);
		}
		HTML_LIT(h, "</th>");
		for (int j = 0; j < m->grid->ncols; j++)
			cell(h, m, &r->cells[j]);
		HTML_LIT(h, "<td>");
		html_num(h, r->total);
		HTML_LIT(h, "</td><td>");
		html_num(h, r->units);
		HTML_LIT(h, "</td></tr>\n");
	}
	HTML_LIT(h, "</tbody><tfoot><tr><th scope=\"row\">");
	html_msg(h, MSG_CMPL_TOTAL);
	HTML_LIT(h, "</th>");
	for (int j = 0; j < m->grid->ncols; j++) {
		HTML_LIT(h, "<td>");
		html_num(h, m->grid->col_totals[j]);
		HTML_LIT(h, "</td>");
	}
	HTML_LIT(h, "<td>");
	html_num(h, m->grid->total);
	HTML_LIT(h, "</td><td>");
	html_num(h, units);
	HTML_LIT(h, "</td></tr></tfoot></table></div>\n");
	v_pager(h, &(struct v_pager){ .page = m->page, .pages = m->pages, .href = heat_url(h, m, m->unit_id, 1) });
}
