/* unit_filter.c — the filter form and trail of the lists of units. The form
 * is a GET form: it changes nothing, so it needs no CSRF token and its
 * result can be bookmarked. */
#include "views/unit_filter.h"

#include "base/arena.h"

const char *v_unit_filter_href(struct arena *a, const char *base, int64_t unit_id, const char *status)
{
	struct url_builder u;
	url_begin(&u, a, base);
	if (unit_id)
		url_param_int(&u, "unit", unit_id);
	url_param_str(&u, "status", status);
	return url_end(&u);
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

void v_unit_filter_form(struct html *h, const struct v_unit_filter *f)
{
	struct arena *a = h->b->arena;
	struct v_option *units = arena_alloc(a, sizeof *units * (size_t)(f->nchoices + 1));
	if (!units)
		return;
	int nu = 0;
	bool listed = f->unit_id == 0;
	for (int i = 0; i < f->nchoices; i++) {
		listed = listed || f->choices[i].id == f->unit_id;
		units[nu++] = (struct v_option){ id_text(a, f->choices[i].id), f->choices[i].name };
	}
	if (!listed && f->npath > 0)
		units[nu++] = (struct v_option){ id_text(a, f->unit_id), f->path[f->npath - 1].name };
	HTML_LIT(h, "<form method=\"get\" class=\"ind-filter\"");
	HTML_URL(h, "action", f->base);
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend>");
	html_msg(h, MSG_IND_FILTER_LEGEND);
	HTML_LIT(h, "</legend>\n");
	struct v_field fu = {
		.name = "unit", .label = msg(h->lang, MSG_IND_FILTER_UNIT),
		.hint = msg(h->lang, MSG_IND_FILTER_UNIT_HINT),
		.value = f->unit_id ? id_text(a, f->unit_id) : "",
	};
	v_select(h, &fu, units, nu, msg(h->lang, f->org_wide ? MSG_IND_FILTER_EVERY_UNIT : MSG_IND_FILTER_YOUR_UNITS));
	struct v_field fs = { .name = "status", .label = msg(h->lang, MSG_IND_FILTER_STATUS), .value = f->status };
	v_select(h, &fs, f->statuses, f->nstatuses, msg(h->lang, MSG_IND_FILTER_ALL));
	v_submit(h, MSG_IND_FILTER_SUBMIT, false);
	HTML_LIT(h, "</fieldset></form>\n");
}

void v_unit_trail(struct html *h, const struct v_unit_filter *f)
{
	if (!f->unit_id || f->npath == 0)
		return;
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<nav class=\"ind-path\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_IND_PATH_LABEL));
	HTML_LIT(h, "><ol><li><a class=\"ds-link\"");
	HTML_URL(h, "href", v_unit_filter_href(a, f->base, 0, f->status));
	HTML_LIT(h, ">");
	html_msg(h, f->org_wide ? MSG_IND_FILTER_EVERY_UNIT : MSG_IND_FILTER_YOUR_UNITS);
	HTML_LIT(h, "</a></li>");
	for (int i = 0; i < f->npath; i++) {
		HTML_LIT(h, "<li>");
		if (i == f->npath - 1) {
			HTML_LIT(h, "<strong aria-current=\"location\">");
			html_text(h, f->path[i].name);
			HTML_LIT(h, "</strong>");
		} else {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", v_unit_filter_href(a, f->base, f->path[i].id, f->status));
			HTML_LIT(h, ">");
			html_text(h, f->path[i].name);
			HTML_LIT(h, "</a>");
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ol></nav>\n");
}
