/* wheel.c — draws the annual wheel (see wheel.h). The geometry (angles of
 * phases, months and today) comes from domain/cycle.c; this file only turns
 * angles into SVG coordinates. The SVG's user units are tenths of a pixel
 * (viewBox 0 0 4000 4000), so every coordinate is written as an integer
 * with html_int and no number formatting is needed. Colours are
 * presentation attributes (the CSP forbids inline style), each at least 3:1
 * against white; white lines or dots over the colour make each track's
 * pattern, and the track's number sits on its arc, so nothing depends on
 * colour alone. Phases may overlap in time, so each phase has its own
 * track (ring) instead of sharing one. */
#include "views/wheel.h"

#include <math.h>
#include <string.h>
#include "base/arena.h"
#include "views/cycles.h"

enum {
	CX = 2000, CY = 2000,
	TRACK_OUT = 1500,    /* outer radius of the first track */
	TRACK_W = 170,       /* width of a track */
	TRACK_GAP = 25,
	TICK_IN = 1530, TICK_OUT = 1640,
	MONTH_R = 1780,      /* where month names sit */
	HUB_R = 560          /* the empty centre holding the name and today */
};

static const char *const colours[PHASE_COUNT] = {
	"#1f5fa8", "#0b7a6e", "#9a5b00", "#6b3fa0", "#b3263e",
};

static double rad(double deg)
{
	return deg * M_PI / 180.0;
}

static int64_t px(double r, double deg)
{
	return (int64_t)lround(CX + r * sin(rad(deg)));
}

static int64_t py(double r, double deg)
{
	return (int64_t)lround(CY - r * cos(rad(deg)));
}

static void point(struct html *h, double r, double deg)
{
	html_int(h, px(r, deg));
	HTML_LIT(h, " ");
	html_int(h, py(r, deg));
}

/* The pattern of track k: a solid colour with white diagonal, horizontal,
 * crossed or dotted marks, one kind per phase. */
static void pattern(struct html *h, int k)
{
	HTML_LIT(h, "<pattern patternUnits=\"userSpaceOnUse\" width=\"80\" height=\"80\"");
	HTML_ATTR(h, "id", arena_printf(h->b->arena, "wheel-p%d", k + 1));
	HTML_LIT(h, "><rect width=\"80\" height=\"80\"");
	HTML_ATTR(h, "fill", colours[k]);
	HTML_LIT(h, "/>");
	switch (k) {
	case 0:
		break;       /* solid: the first phase is the plain one */
	case 1:
		HTML_LIT(h, "<path d=\"M0 80L80 0M-20 20L20 -20M60 100L100 60\" stroke=\"#fff\""
			    " stroke-opacity=\"0.55\" stroke-width=\"14\"/>");
		break;
	case 2:
		HTML_LIT(h, "<circle cx=\"40\" cy=\"40\" r=\"13\" fill=\"#fff\" fill-opacity=\"0.6\"/>");
		break;
	case 3:
		HTML_LIT(h, "<path d=\"M0 40H80\" stroke=\"#fff\" stroke-opacity=\"0.55\""
			    " stroke-width=\"14\"/>");
		break;
	default:
		HTML_LIT(h, "<path d=\"M0 0L80 80M80 0L0 80\" stroke=\"#fff\" stroke-opacity=\"0.5\""
			    " stroke-width=\"10\"/>");
		break;
	}
	HTML_LIT(h, "</pattern>");
}

/* An annulus sector from a0 to a1 degrees between radii r_in and r_out. */
static void sector(struct html *h, double r_in, double r_out, double a0, double a1)
{
	if (a1 - a0 > 359.9)
		a1 = a0 + 359.9;   /* a full circle needs two arcs; a hair less reads the same */
	int large = a1 - a0 > 180.0;
	HTML_LIT(h, " d=\"M");
	point(h, r_out, a0);
	HTML_LIT(h, "A");
	html_int(h, (int64_t)r_out);
	HTML_LIT(h, " ");
	html_int(h, (int64_t)r_out);
	HTML_LIT(h, " 0 ");
	html_int(h, large);
	HTML_LIT(h, " 1 ");
	point(h, r_out, a1);
	HTML_LIT(h, "L");
	point(h, r_in, a1);
	HTML_LIT(h, "A");
	html_int(h, (int64_t)r_in);
	HTML_LIT(h, " ");
	html_int(h, (int64_t)r_in);
	HTML_LIT(h, " 0 ");
	html_int(h, large);
	HTML_LIT(h, " 0 ");
	point(h, r_in, a0);
	HTML_LIT(h, "Z\"");
}

static void track(struct html *h, const struct wheel_geom *g, int k)
{
	double r_out = TRACK_OUT - k * (TRACK_W + TRACK_GAP), r_in = r_out - TRACK_W;
	/* the whole year faintly, so an empty stretch of a track reads as time */
	HTML_LIT(h, "<circle fill=\"none\" stroke=\"#e6e6e6\"");
	HTML_ATTR_INT(h, "cx", CX);
	HTML_ATTR_INT(h, "cy", CY);
	HTML_ATTR_INT(h, "r", (int64_t)(r_out - TRACK_W / 2));
	HTML_ATTR_INT(h, "stroke-width", TRACK_W);
	HTML_LIT(h, "/>");
	if (!g->has[k])
		return;
	HTML_LIT(h, "<path");
	sector(h, r_in, r_out, g->a0[k], g->a1[k]);
	HTML_ATTR(h, "fill", arena_printf(h->b->arena, "url(#wheel-p%d)", k + 1));
	if (g->current[k])
		HTML_LIT(h, " stroke=\"#111\" stroke-width=\"22\"");
	else
		HTML_LIT(h, " stroke=\"#fff\" stroke-width=\"8\"");
	HTML_LIT(h, "/>");
	/* the phase's number in a white disc at the start of its arc */
	double mid_r = r_out - TRACK_W / 2.0;
	double at = g->a0[k] + (g->a1[k] - g->a0[k] > 8.0 ? 4.0 : (g->a1[k] - g->a0[k]) / 2);
	HTML_LIT(h, "<circle r=\"78\" fill=\"#fff\"");
	HTML_ATTR(h, "stroke", colours[k]);
	HTML_LIT(h, " stroke-width=\"14\"");
	HTML_ATTR_INT(h, "cx", px(mid_r, at));
	HTML_ATTR_INT(h, "cy", py(mid_r, at));
	HTML_LIT(h, "/><text class=\"wheel-num\" text-anchor=\"middle\" dominant-baseline=\"central\""
		    " font-size=\"110\" font-weight=\"700\" fill=\"#111\"");
	HTML_ATTR_INT(h, "x", px(mid_r, at));
	HTML_ATTR_INT(h, "y", py(mid_r, at));
	HTML_LIT(h, ">");
	html_int(h, k + 1);
	HTML_LIT(h, "</text>");
}

static void months(struct html *h, const struct wheel_geom *g)
{
	for (int i = 0; i < g->nmonths; i++) {
		double a = g->month_angle[i];
		HTML_LIT(h, "<line stroke=\"#595959\" stroke-width=\"10\"");
		HTML_ATTR_INT(h, "x1", px(TICK_IN, a));
		HTML_ATTR_INT(h, "y1", py(TICK_IN, a));
		HTML_ATTR_INT(h, "x2", px(TICK_OUT, a));
		HTML_ATTR_INT(h, "y2", py(TICK_OUT, a));
		HTML_LIT(h, "/>");
		/* the name in the middle of its month */
		double next = i + 1 < g->nmonths ? g->month_angle[i + 1] : 360.0;
		double m = (a + next) / 2;
		HTML_LIT(h, "<text class=\"wheel-month\" text-anchor=\"middle\" dominant-baseline=\"central\""
			    " font-size=\"120\" fill=\"#262626\"");
		HTML_ATTR_INT(h, "x", px(MONTH_R, m));
		HTML_ATTR_INT(h, "y", py(MONTH_R, m));
		HTML_LIT(h, ">");
		html_msg(h, (enum msg)(MSG_MONTH_1 + g->month[i] - 1));
		HTML_LIT(h, "</text>");
	}
}

static void today_marker(struct html *h, const struct wheel_geom *g)
{
	if (!g->today_in)
		return;
	double a = g->today;
	HTML_LIT(h, "<line stroke=\"#111\" stroke-width=\"18\" stroke-linecap=\"round\"");
	HTML_ATTR_INT(h, "x1", px(HUB_R, a));
	HTML_ATTR_INT(h, "y1", py(HUB_R, a));
	HTML_ATTR_INT(h, "x2", px(TICK_OUT, a));
	HTML_ATTR_INT(h, "y2", py(TICK_OUT, a));
	HTML_LIT(h, "/><path fill=\"#111\" d=\"M");
	point(h, TICK_OUT + 10, a);
	HTML_LIT(h, "L");
	point(h, TICK_OUT + 130, a - 3.5);
	HTML_LIT(h, "L");
	point(h, TICK_OUT + 130, a + 3.5);
	HTML_LIT(h, "Z\"/>");
}

/* "I dag 28.11.2026" for an ISO date. */
static void today_label(struct html *h, const char *today)
{
	html_msgf(h, MSG_WHEEL_TODAY, v_iso_date(h->b->arena, today));
}

static void hub(struct html *h, const struct cycle *cy, const struct wheel_geom *g, const char *today)
{
	HTML_LIT(h, "<text text-anchor=\"middle\" font-size=\"260\" font-weight=\"700\" fill=\"#111\"");
	HTML_ATTR_INT(h, "x", CX);
	HTML_ATTR_INT(h, "y", CY - 20);
	HTML_LIT(h, ">");
	html_text(h, cy->name);
	HTML_LIT(h, "</text>");
	if (g->today_in) {
		HTML_LIT(h, "<text text-anchor=\"middle\" font-size=\"110\" fill=\"#111\"");
		HTML_ATTR_INT(h, "x", CX);
		HTML_ATTR_INT(h, "y", CY + 160);
		HTML_LIT(h, ">");
		today_label(h, today);
		HTML_LIT(h, "</text>");
	}
}

static void legend(struct html *h, const struct cycle *cy, const struct wheel_geom *g)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<ol class=\"wheel-legend\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_WHEEL_LEGEND));
	HTML_LIT(h, ">");
	for (int k = 0; k < PHASE_COUNT; k++) {
		HTML_LIT(h, "<li><svg class=\"wheel-swatch\" viewBox=\"0 0 40 40\" width=\"24\" height=\"24\""
			    " aria-hidden=\"true\" focusable=\"false\"><rect width=\"40\" height=\"40\" rx=\"6\"");
		HTML_ATTR(h, "fill", colours[k]);
		HTML_LIT(h, "/><text x=\"20\" y=\"21\" text-anchor=\"middle\" dominant-baseline=\"central\""
			    " font-size=\"24\" font-weight=\"700\" fill=\"#fff\">");
		html_int(h, k + 1);
		HTML_LIT(h, "</text></svg><span><span class=\"ds-sr-only\">");
		html_msgf(h, MSG_CYCLE_PHASE_N, k + 1);
		HTML_LIT(h, ": </span><strong>");
		html_msg(h, v_phase_msg((enum phase_key)k));
		HTML_LIT(h, "</strong>: ");
		if (g->has[k]) {
			html_text(h, v_iso_date(a, cy->phases[k].starts_on));
			HTML_LIT(h, "–");
			html_text(h, v_iso_date(a, cy->phases[k].ends_on));
		} else {
			html_msg(h, MSG_CYCLE_NO_DATES);
		}
		if (g->current[k]) {
			HTML_LIT(h, " <span class=\"ds-tag\" data-color=\"info\">");
			html_msg(h, MSG_CYCLE_CURRENT);
			HTML_LIT(h, "</span>");
		}
		HTML_LIT(h, "</span></li>");
	}
	HTML_LIT(h, "</ol>");
}

void v_wheel(struct html *h, const struct cycle *cy, const char *today)
{
	int32_t t = 0;
	if (!date_parse(today, &t))
		t = 0;
	struct wheel_geom g;
	wheel_geometry(cy->phases, t, &g);
	if (!g.ok) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_WHEEL_NO_DATES);
		HTML_LIT(h, "</p>");
		return;
	}
	HTML_LIT(h, "<figure class=\"wheel\"><figcaption class=\"wheel-caption\">");
	html_msgf(h, MSG_WHEEL_CAPTION, cy->name ? cy->name : "");
	if (g.today_in) {
		HTML_LIT(h, " – ");
		today_label(h, today);
	}
	HTML_LIT(h, "</figcaption><div class=\"wheel-body\"><svg class=\"wheel-svg\" viewBox=\"0 0 4000 4000\""
		    " width=\"400\" height=\"400\" aria-hidden=\"true\" focusable=\"false\""
		    " font-family=\"Inter, system-ui, sans-serif\"><defs>");
	for (int k = 0; k < PHASE_COUNT; k++)
		pattern(h, k);
	HTML_LIT(h, "</defs>");
	for (int k = 0; k < PHASE_COUNT; k++)
		track(h, &g, k);
	months(h, &g);
	today_marker(h, &g);
	hub(h, cy, &g, today);
	HTML_LIT(h, "</svg>");
	legend(h, cy, &g);
	HTML_LIT(h, "</div>");
	if (!g.today_in) {
		HTML_LIT(h, "<p class=\"ds-paragraph\" data-size=\"sm\">");
		html_msgf(h, MSG_WHEEL_TODAY_OUTSIDE, v_iso_date(h->b->arena, today));
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</figure>");
}
