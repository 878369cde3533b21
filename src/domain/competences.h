/* competences.h — the competence catalogue as plain records and its rules as
 * pure functions: competence areas form a tree (code, name, parent,
 * description), competences belong to one area (code unique, Markdown
 * description, active or not), and two scales — the proficiency scale for
 * competences and the reflection scale for values and behaviour — each hold
 * numbered levels with a name and a description in bokmål, nynorsk and
 * English. No I/O and no clock. */
#ifndef EVNE_DOMAIN_COMPETENCES_H
#define EVNE_DOMAIN_COMPETENCES_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/validate.h"

enum {
	COMPETENCE_DESC_MAX_CHARS = 20000,   /* a Markdown text */
	SCALE_NAME_MAX_CHARS = 60,
	SCALE_DESC_MAX_CHARS = 2000,
	SCALE_LEVELS_MIN = 2,                /* a scale of one level says nothing */
	SCALE_LEVELS_MAX = 10,
};

struct competence_area {
	int64_t id;
	char *code;
	char *name;
	int64_t parent_id;         /* 0: top of the tree */
	char *description;         /* Markdown, never NULL once stored */
	int depth;                 /* in tree listings */
	int64_t competence_count;  /* competences directly in the area (listings) */
	int64_t child_count;       /* sub-areas (listings) */
};

struct competence {
	int64_t id;
	char *code;
	char *name;
	char *description;         /* Markdown */
	int64_t area_id;
	char *area_name;           /* filled by reads */
	char *area_code;
	bool active;
};

enum scale_kind { SCALE_PROFICIENCY = 0, SCALE_REFLECTION, SCALE_KIND_COUNT };

/* The texts of one level; lang 0 bokmål, 1 nynorsk, 2 English (the order of
 * i18n's enum lang, which the domain does not include). */
enum { SCALE_LANGS = 3 };
struct scale_level {
	int level;                 /* 1..n, no gaps */
	char *name[SCALE_LANGS];
	char *description[SCALE_LANGS];
};

struct scale {
	enum scale_kind kind;
	struct scale_level *levels;   /* ascending by level */
	int n;
};

const char *scale_kind_name(enum scale_kind k);      /* "proficiency", "reflection" */
bool scale_kind_parse(const char *s, enum scale_kind *out);

/* Field rules: code (a code as units have), name (one line, at most
 * NAME_MAX_CHARS), description (Markdown, several lines allowed, at most
 * COMPETENCE_DESC_MAX_CHARS); a competence also needs area_id. Problems are
 * recorded on the fields "code", "name", "description", "area_id". */
void validate_competence_area(const struct competence_area *a, struct field_errors *fe);
void validate_competence(const struct competence *c, struct field_errors *fe);

/* The fields of one level in a form: name_FIELD[lang], description_FIELD[lang]. */
struct scale_level_fields {
	const char *name[SCALE_LANGS];
	const char *description[SCALE_LANGS];
};
/* Every name required (one line, at most SCALE_NAME_MAX_CHARS), descriptions
 * optional (at most SCALE_DESC_MAX_CHARS); problems go on the given fields. */
void validate_scale_level(const struct scale_level *l, const struct scale_level_fields *f,
			  struct field_errors *fe);
/* Levels may be added up to SCALE_LEVELS_MAX and the highest removed down to
 * SCALE_LEVELS_MIN (removing a level in the middle would renumber stored
 * ratings). Whether a stored rating uses the level is the store's answer. */
bool scale_can_add_level(int nlevels);
bool scale_can_remove_level(int nlevels);

/* Would placing area_id under new_parent_id make a cycle? areas[] is every
 * area (any order); 0 (the top) never does. Bounded by n, so a corrupt tree
 * cannot loop. */
bool competence_area_move_makes_cycle(const struct competence_area *areas, int n, int64_t area_id,
				      int64_t new_parent_id);

/* Reorders areas[0..n) into tree order — each parent before its children,
 * siblings keeping their order in the input (the store gives Norwegian name
 * order) — and sets depth. Areas whose parent is missing go at the top.
 * Scratch memory from a; false when its cap is reached (areas unchanged). */
bool competence_areas_tree_order(struct arena *a, struct competence_area *areas, int n);

/* The audit log's {"field": [before, after]} of an area or a competence
 * (before NULL: created). */
void competence_area_audit(struct buf *b, const struct competence_area *before,
			   const struct competence_area *after);
void competence_audit(struct buf *b, const struct competence *before, const struct competence *after);
void scale_level_audit(struct buf *b, const struct scale_level *before, const struct scale_level *after);

#endif
