/* competences.c — the rules of the competence catalogue: field checks for
 * areas, competences and scale levels, how many levels a scale may have, the
 * area tree (no cycles, tree order) and the audit differences. */
#include "domain/competences.h"

#include <string.h>
#include "base/json.h"
#include "base/utf8.h"

static const char *const kind_names[SCALE_KIND_COUNT] = {
	[SCALE_PROFICIENCY] = "proficiency",
	[SCALE_REFLECTION] = "reflection",
};

const char *scale_kind_name(enum scale_kind k)
{
	return k >= 0 && k < SCALE_KIND_COUNT ? kind_names[k] : "";
}

bool scale_kind_parse(const char *s, enum scale_kind *out)
{
	for (int k = 0; s && k < SCALE_KIND_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum scale_kind)k;
			return true;
		}
	return false;
}

/* Text on one line (names) or several (Markdown), at most max characters. */
static void check_text(struct field_errors *fe, const char *field, const char *s, size_t max,
		       bool required, bool multiline)
{
	if (!s || !*s) {
		if (required)
			field_error_add(fe, field, PROB_REQUIRED);
		return;
	}
	size_t n = strlen(s);
	if (!utf8_valid_text(s, n) || (!multiline && strpbrk(s, "\r\n\t"))) {
		field_error_add(fe, field, PROB_BAD_TEXT);
		return;
	}
	if (utf8_len(s) > max)
		field_error_add(fe, field, PROB_TOO_LONG);
}

static void check_code(struct field_errors *fe, const char *code)
{
	if (!code || !*code)
		field_error_add(fe, "code", PROB_REQUIRED);
	else if (strlen(code) > CODE_MAX_CHARS)
		field_error_add(fe, "code", PROB_TOO_LONG);
	else if (!valid_code(code))
		field_error_add(fe, "code", PROB_BAD_CODE);
}

void validate_competence_area(const struct competence_area *a, struct field_errors *fe)
{
	check_text(fe, "name", a->name, NAME_MAX_CHARS, true, false);
	check_code(fe, a->code);
	check_text(fe, "description", a->description, COMPETENCE_DESC_MAX_CHARS, false, true);
}

void validate_competence(const struct competence *c, struct field_errors *fe)
{
	check_text(fe, "name", c->name, NAME_MAX_CHARS, true, false);
	check_code(fe, c->code);
	if (c->area_id <= 0)
		field_error_add(fe, "area_id", PROB_REQUIRED);
	check_text(fe, "description", c->description, COMPETENCE_DESC_MAX_CHARS, false, true);
}

void validate_scale_level(const struct scale_level *l, const struct scale_level_fields *f,
			  struct field_errors *fe)
{
	for (int i = 0; i < SCALE_LANGS; i++)
		check_text(fe, f->name[i], l->name[i], SCALE_NAME_MAX_CHARS, true, false);
	for (int i = 0; i < SCALE_LANGS; i++)
		check_text(fe, f->description[i], l->description[i], SCALE_DESC_MAX_CHARS, false, true);
}

bool scale_can_add_level(int nlevels)
{
	return nlevels < SCALE_LEVELS_MAX;
}

bool scale_can_remove_level(int nlevels)
{
	return nlevels > SCALE_LEVELS_MIN;
}

static const struct competence_area *find_area(const struct competence_area *areas, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (areas[i].id == id)
			return &areas[i];
	return NULL;
}

bool competence_area_move_makes_cycle(const struct competence_area *areas, int n, int64_t area_id,
				      int64_t new_parent_id)
{
	/* Walk up from the new parent; meeting area_id closes a loop. */
	int64_t cur = new_parent_id;
	for (int steps = 0; cur != 0 && steps <= n; steps++) {
		if (cur == area_id)
			return true;
		const struct competence_area *p = find_area(areas, n, cur);
		if (!p)
			return false;
		cur = p->parent_id;
	}
	return cur != 0;
}

bool competence_areas_tree_order(struct arena *a, struct competence_area *areas, int n)
{
	if (n <= 0)
		return true;
	struct competence_area *out = arena_alloc(a, sizeof *out * (size_t)n);
	bool *placed = arena_alloc(a, (size_t)n);
	int *stack = arena_alloc(a, sizeof *stack * (size_t)n);
	if (!out || !placed || !stack)
		return false;
	memset(placed, 0, (size_t)n);
	int k = 0;
	/* Roots are the areas without a parent, or whose parent is not in the
	 * list (or lies on a loop: those are placed last, at the top). */
	for (int pass = 0; pass < 2; pass++) {
		for (int r = 0; r < n; r++) {
			if (placed[r])
				continue;
			bool root = pass == 1 || areas[r].parent_id == 0 ||
				    !find_area(areas, n, areas[r].parent_id);
			if (!root)
				continue;
			/* Depth first, children in input order: push them reversed. */
			int top = 0;
			stack[top++] = r;
			placed[r] = true;
			areas[r].depth = 0;
			while (top > 0) {
				int i = stack[--top];
				out[k++] = areas[i];
				int first = top;
				for (int j = 0; j < n; j++)
					if (!placed[j] && areas[j].parent_id == areas[i].id) {
						placed[j] = true;
						areas[j].depth = out[k - 1].depth + 1;
						stack[top++] = j;
					}
				for (int x = first, y = top - 1; x < y; x++, y--) {
					int t = stack[x];
					stack[x] = stack[y];
					stack[y] = t;
				}
			}
		}
	}
	memcpy(areas, out, sizeof *out * (size_t)n);
	return true;
}

static bool same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void diff_str(struct jw *w, const char *field, bool has_before, const char *before,
		     bool has_after, const char *after)
{
	if (has_before && has_after && same_str(before, after))
		return;
	jw_key(w, field);
	jw_arr(w);
	if (has_before) jw_str(w, before ? before : ""); else jw_null(w);
	if (has_after) jw_str(w, after ? after : ""); else jw_null(w);
	jw_arr_end(w);
}

static void diff_int(struct jw *w, const char *field, bool has_before, int64_t before,
		     bool has_after, int64_t after, bool zero_is_null)
{
	if (has_before && has_after && before == after)
		return;
	jw_key(w, field);
	jw_arr(w);
	if (has_before && !(zero_is_null && before == 0)) jw_int(w, before); else jw_null(w);
	if (has_after && !(zero_is_null && after == 0)) jw_int(w, after); else jw_null(w);
	jw_arr_end(w);
}

void competence_area_audit(struct buf *b, const struct competence_area *before,
			   const struct competence_area *after)
{
	static const struct competence_area none;
	const struct competence_area *x = before ? before : &none, *y = after ? after : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_str(&w, "code", before, x->code, after, y->code);
	diff_str(&w, "name", before, x->name, after, y->name);
	diff_int(&w, "parent_id", before, x->parent_id, after, y->parent_id, true);
	diff_str(&w, "description", before, x->description, after, y->description);
	jw_obj_end(&w);
}

void competence_audit(struct buf *b, const struct competence *before, const struct competence *after)
{
	static const struct competence none;
	const struct competence *x = before ? before : &none, *y = after ? after : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_str(&w, "code", before, x->code, after, y->code);
	diff_str(&w, "name", before, x->name, after, y->name);
	diff_str(&w, "description", before, x->description, after, y->description);
	diff_int(&w, "area_id", before, x->area_id, after, y->area_id, true);
	if (!before || !after || x->active != y->active) {
		jw_key(&w, "active");
		jw_arr(&w);
		if (before) jw_bool(&w, x->active); else jw_null(&w);
		if (after) jw_bool(&w, y->active); else jw_null(&w);
		jw_arr_end(&w);
	}
	jw_obj_end(&w);
}

void scale_level_audit(struct buf *b, const struct scale_level *before, const struct scale_level *after)
{
	static const struct scale_level none;
	static const char *const names[SCALE_LANGS] = { "name_nb", "name_nn", "name_en" };
	static const char *const descs[SCALE_LANGS] = { "description_nb", "description_nn",
							 "description_en" };
	const struct scale_level *x = before ? before : &none, *y = after ? after : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_int(&w, "level", before, x->level, after, y->level, false);
	for (int i = 0; i < SCALE_LANGS; i++)
		diff_str(&w, names[i], before, x->name[i], after, y->name[i]);
	for (int i = 0; i < SCALE_LANGS; i++)
		diff_str(&w, descs[i], before, x->description[i], after, y->description[i]);
	jw_obj_end(&w);
}
