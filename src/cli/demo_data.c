/* demo_data.c — the demo organisation of demo_data.h. A splitmix64 generator
 * seeded by --seed drives every choice, so a seed always gives the same
 * agency. The structure: Direktoratet for forvaltning og tilsyn, six
 * divisions, named sections under them taken in turn, and when the named
 * sections run out, teams under the sections. The strategy, unit goals and
 * documents at the end are the same for every seed; the cycle's dates are
 * computed from the day given. */
#include "cli/demo_data.h"

#include <stdio.h>
#include <string.h>
#include "base/buf.h"
#include "domain/import.h"

#define COUNT(x) ((int)(sizeof(x) / sizeof((x)[0])))

/* ---- the generator ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int rng_below(struct rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

static const char *pick(struct rng *r, const char *const *list, int n)
{
	return list[rng_below(r, n)];
}

/* ---- the agency ---- */

static const char AGENCY[] = "Direktoratet for forvaltning og tilsyn";
static const char AGENCY_CODE[] = "DFT";
static const char MAIL_DOMAIN[] = "etat.no";

struct section {
	const char *code, *name;
};

struct division {
	const char *code, *name, *title;       /* title: a job title typical of the division */
	struct section sections[7];
	int nsections;
};

static const struct division divisions[] = {
	{ "DIG", "Avdeling for digitalisering", "senioringeniør",
	  { { "DIG-UTV", "Seksjon for utvikling" }, { "DIG-DRI", "Seksjon for drift og infrastruktur" },
	    { "DIG-SIK", "Seksjon for informasjonssikkerhet" }, { "DIG-DAT", "Seksjon for data og analyse" },
	    { "DIG-ARK", "Seksjon for arkitektur" }, { "DIG-BRS", "Seksjon for brukerstøtte" },
	    { "DIG-SKY", "Seksjon for skytjenester" } }, 7 },
	{ "OVS", "Økonomi og virksomhetsstyring", "controller",
	  { { "OVS-REG", "Seksjon for regnskap" }, { "OVS-BUD", "Seksjon for budsjett og analyse" },
	    { "OVS-ANS", "Seksjon for anskaffelser" }, { "OVS-STY", "Seksjon for styring og risiko" },
	    { "OVS-LON", "Seksjon for lønn" }, { "OVS-DOK", "Seksjon for dokumentforvaltning" } }, 6 },
	{ "TIK", "Tilsyn og kontroll", "seniorinspektør",
	  { { "TIK-NOR", "Seksjon for tilsyn Nord" }, { "TIK-SOR", "Seksjon for tilsyn Sør" },
	    { "TIK-OST", "Seksjon for tilsyn Øst" }, { "TIK-VES", "Seksjon for tilsyn Vest" },
	    { "TIK-MID", "Seksjon for tilsyn Midt" }, { "TIK-MET", "Seksjon for metode og risikovurdering" },
	    { "TIK-KLA", "Seksjon for klagebehandling" } }, 7 },
	{ "KOM", "Kommunikasjon og samfunnskontakt", "kommunikasjonsrådgiver",
	  { { "KOM-DIG", "Seksjon for digital kommunikasjon" },
	    { "KOM-PRE", "Seksjon for presse og samfunnskontakt" },
	    { "KOM-KLA", "Seksjon for klarspråk og publisering" }, { "KOM-VEI", "Seksjon for veiledning" },
	    { "KOM-INT", "Seksjon for intern kommunikasjon" } }, 5 },
	{ "HRO", "HR og organisasjon", "HR-rådgiver",
	  { { "HRO-REK", "Seksjon for rekruttering" }, { "HRO-KOM", "Seksjon for kompetanse og utvikling" },
	    { "HRO-HMS", "Seksjon for HMS og arbeidsmiljø" }, { "HRO-PER", "Seksjon for personalforvaltning" },
	    { "HRO-LED", "Seksjon for lederutvikling" } }, 5 },
	{ "JUR", "Juridisk avdeling", "seniorjurist",
	  { { "JUR-FOR", "Seksjon for forvaltningsrett" }, { "JUR-REG", "Seksjon for regelverksutvikling" },
	    { "JUR-PVN", "Seksjon for personvern" }, { "JUR-INT", "Seksjon for internasjonalt samarbeid" },
	    { "JUR-KON", "Seksjon for kontrakter og avtaler" } }, 5 },
};

static const char *const team_names[] = {
	"Nord", "Sør", "Øst", "Vest", "Fjord", "Fjell", "Kyst", "Skog", "Vidde", "Elv", "Dal", "Holme",
};

static const char *const leader_titles[] = { "direktør", "avdelingsdirektør", "seksjonssjef", "teamleder" };

/* Titles of people who lead nothing, each listed as often as it is common. */
static const char *const titles[] = {
	"rådgiver", "rådgiver", "rådgiver", "rådgiver", "rådgiver",
	"seniorrådgiver", "seniorrådgiver", "seniorrådgiver", "seniorrådgiver", "seniorrådgiver",
	"seniorrådgiver", "førstekonsulent", "førstekonsulent", "seniorkonsulent", "spesialrådgiver",
	"konsulent", "fagdirektør", "prosjektleder", "fagkoordinator",
};

/* ---- names ---- */

static const char *const men[] = {
	"Ola", "Per", "Jan", "Lars", "Knut", "Bjørn", "Øyvind", "Håkon", "Geir", "Terje", "Arne",
	"Trond", "Espen", "Eirik", "Sindre", "Magnus", "Jørgen", "Sigurd", "Ståle", "Tor Erik",
	"Jan-Erik", "Hans Petter", "Kjetil", "Morten", "Even", "Aksel", "Emil", "Mathias", "Henrik",
	"Ivar", "Åsmund", "Torbjørn", "Frode", "Rune", "Vegard", "Øystein", "Steinar", "Audun",
	"Halvard", "Pål", "Ørjan", "Kåre", "Nils", "Olav", "Anders", "Thomas", "Kristian", "Sverre",
};

static const char *const women[] = {
	"Kari", "Ingrid", "Anne", "Åse", "Kjærsti", "Solveig", "Marit", "Siri", "Hilde", "Tone",
	"Randi", "Liv", "Gro", "Berit", "Sølvi", "Ragnhild", "Ingeborg", "Sigrid", "Åshild", "Torill",
	"Anne-Lise", "Mari", "Nora", "Emma", "Thea", "Ida", "Maja", "Silje", "Hege", "Kristin",
	"Gunn", "Bjørg", "Turid", "Brit", "Line", "Vibeke", "Mette", "Camilla", "Tuva", "Frøydis",
	"Marte", "Eli", "Synnøve", "Astrid", "Helene", "Ellen", "Kaja", "Guro",
};

static const char *const surnames[] = {
	"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
	"Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
	"Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
	"Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
	"Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen",
	"Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe",
	"Ødegård", "Sæther", "Løkken", "Aasen", "Bråten", "Hæhre", "Bjørnstad", "Sørlie", "Myklebust",
	"Røed", "Kvåle", "Bøe", "Nærland", "Aas", "Lønning", "Tønnessen", "Fjærli", "Grønvold",
	"Skjærvø", "Høgseth", "Næss", "Vågen", "Brøndbo", "Ødegaard", "Østby", "Årdal",
};

/* Names of people who came to Norway, grouped so a person's names agree. */
struct origin {
	const char *men[6], *women[6], *surnames[6];
};

static const struct origin origins[] = {
	{ { "Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek", "Michał" },
	  { "Anna", "Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Ewa" },
	  { "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski" } },
	{ { "Mohammed", "Ahmed", "Abdi", "Hassan", "Omar", "Yusuf" },
	  { "Fatima", "Amina", "Hodan", "Sahra", "Faduma", "Asha" },
	  { "Mohamud", "Abdullahi", "Warsame", "Hussein", "Farah", "Jama" } },
	{ { "Ali", "Imran", "Usman", "Bilal", "Kamran", "Tariq" },
	  { "Ayesha", "Sana", "Nadia", "Samina", "Rabia", "Huma" },
	  { "Khan", "Hussain", "Iqbal", "Butt", "Chaudhry", "Malik" } },
	{ { "Minh", "Tuan", "Duc", "Hoang", "Quang", "Long" },
	  { "Linh", "Thao", "Mai", "Huong", "Lan", "Trang" },
	  { "Nguyen", "Tran", "Le", "Pham", "Vu", "Hoang" } },
	{ { "Tomas", "Mantas", "Darius", "Jonas", "Lukas", "Andrius" },
	  { "Rasa", "Jurgita", "Ieva", "Greta", "Agnė", "Rūta" },
	  { "Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas" } },
	{ { "Erik", "Johan", "Oskar", "Karl", "Gustav", "Nils" },
	  { "Karin", "Elin", "Sofia", "Linnéa", "Maria", "Ebba" },
	  { "Andersson", "Johansson", "Karlsson", "Nilsson", "Lindqvist", "Björk" } },
	{ { "Ahmad", "Mustafa", "Karim", "Samir", "Rami", "Yasin" },
	  { "Leila", "Rania", "Yasmin", "Zainab", "Nour", "Hiba" },
	  { "Al-Hassan", "Haddad", "Ibrahim", "Saleh", "Ahmadi", "Rahimi" } },
	{ { "Tesfaye", "Yonas", "Dawit", "Haile", "Samuel", "Biniam" },
	  { "Helen", "Selam", "Lidya", "Meron", "Saba", "Rahel" },
	  { "Tesfamariam", "Ghebremedhin", "Haile", "Berhane", "Kidane", "Woldu" } },
};

static const char *const password_words[] = {
	"Nordlys", "Fjellbekk", "Multekrem", "Vaffel", "Rorbu", "Lefse", "Kanelbolle", "Brunost",
	"Havbris", "Sommerdag", "Skitur", "Tyttebaer", "Midnattsol", "Fiskevaer", "Seterliv",
	"Kaffekopp", "Sjokolade", "Lyngheia", "Sildesalat", "Fjordbaat",
};

/* ---- ASCII spelling for e-mail addresses ---- */

struct fold {
	const char *from, *to;
};

static const struct fold folds[] = {
	{ "æ", "ae" }, { "Æ", "ae" }, { "ø", "o" }, { "Ø", "o" }, { "å", "aa" }, { "Å", "aa" },
	{ "ä", "a" }, { "Ä", "a" }, { "ö", "o" }, { "Ö", "o" }, { "ü", "u" }, { "Ü", "u" },
	{ "é", "e" }, { "É", "e" }, { "è", "e" }, { "ó", "o" }, { "ł", "l" }, { "Ł", "l" },
	{ "ś", "s" }, { "Ś", "s" }, { "ż", "z" }, { "Ż", "z" }, { "ź", "z" }, { "ń", "n" },
	{ "ć", "c" }, { "ą", "a" }, { "ę", "e" }, { "š", "s" }, { "Š", "s" }, { "ž", "z" },
	{ "Ž", "z" }, { "č", "c" }, { "Č", "c" }, { "ė", "e" }, { "ū", "u" }, { "į", "i" },
};

char *demo_ascii_fold(struct arena *a, const char *s)
{
	struct buf b;
	buf_init(&b, a, 0);
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				buf_putc(&b, (char)(c + ('a' - 'A')));
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')
				buf_putc(&b, (char)c);
			else if (c == ' ')
				buf_putc(&b, '.');
			s++;
			continue;
		}
		size_t n = 1;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		for (int i = 0; i < COUNT(folds); i++) {
			if (strlen(folds[i].from) == n && memcmp(folds[i].from, s, n) == 0) {
				buf_puts(&b, folds[i].to);
				break;
			}
		}
		s += n;
	}
	return b.err == OK ? arena_strdup(a, buf_str(&b)) : NULL;
}

/* ---- building ---- */

struct build {
	struct arena *a;
	struct rng r;
	struct demo_org *o;
	struct import_keymap emails;
	bool failed;
};

static int add_unit(struct build *b, const char *code, const char *name, int parent, int level)
{
	struct demo_org *o = b->o;
	o->units[o->nunits] = (struct demo_unit){ .code = code, .name = name, .parent = parent,
						  .level = level, .leader = -1 };
	return o->nunits++;
}

static void build_units(struct build *b, int nunits)
{
	struct demo_org *o = b->o;
	int ndiv = COUNT(divisions) < nunits - 1 ? COUNT(divisions) : nunits - 1;
	int div_index[COUNT(divisions)];
	add_unit(b, AGENCY_CODE, AGENCY, -1, 0);
	for (int d = 0; d < ndiv; d++)
		div_index[d] = add_unit(b, divisions[d].code, divisions[d].name, 0, 1);
	/* Named sections, one per division in turn. */
	int first_section = o->nunits;
	for (int k = 0; o->nunits < nunits && k < 7; k++)
		for (int d = 0; d < ndiv && o->nunits < nunits; d++)
			if (k < divisions[d].nsections)
				add_unit(b, divisions[d].sections[k].code, divisions[d].sections[k].name,
					 div_index[d], 2);
	int nsections = o->nunits - first_section;
	/* Teams under the sections, in turn. */
	for (int t = 0; o->nunits < nunits; t++) {
		int sec = first_section + t % nsections, round = t / nsections;
		const char *word = team_names[round % COUNT(team_names)];
		const char *name = round < COUNT(team_names) ?
				   arena_printf(b->a, "Team %s", word) :
				   arena_printf(b->a, "Team %s %d", word, round / COUNT(team_names) + 1);
		const char *code = arena_printf(b->a, "%s-T%d", o->units[sec].code, round + 1);
		if (!name || !code) {
			b->failed = true;
			return;
		}
		add_unit(b, code, name, sec, 3);
	}
}

/* The division a unit belongs to (itself for a division); -1 for the agency. */
static int division_of(const struct demo_org *o, int u)
{
	while (u >= 0 && o->units[u].level > 1)
		u = o->units[u].parent;
	return u >= 0 && o->units[u].level == 1 ? u : -1;
}

static const char *person_email(struct build *b, const char *first, const char *last)
{
	char *f = demo_ascii_fold(b->a, first), *l = demo_ascii_fold(b->a, last);
	if (!f || !l) {
		b->failed = true;
		return "";
	}
	for (int n = 1;; n++) {
		char *e = n == 1 ? arena_printf(b->a, "%s.%s@%s", f, l, MAIL_DOMAIN) :
				   arena_printf(b->a, "%s.%s%d@%s", f, l, n, MAIL_DOMAIN);
		if (!e) {
			b->failed = true;
			return "";
		}
		if (import_keymap_put(&b->emails, e, 0, NULL))
			return e;
	}
}

static void add_person(struct build *b, int unit, const char *title)
{
	struct demo_org *o = b->o;
	const char *first, *last;
	bool woman = rng_below(&b->r, 2) == 0;
	if (rng_below(&b->r, 100) < 12) {
		const struct origin *g = &origins[rng_below(&b->r, COUNT(origins))];
		first = woman ? pick(&b->r, g->women, 6) : pick(&b->r, g->men, 6);
		last = pick(&b->r, g->surnames, 6);
	} else {
		first = woman ? pick(&b->r, women, COUNT(women)) : pick(&b->r, men, COUNT(men));
		last = pick(&b->r, surnames, COUNT(surnames));
		/* Some carry two surnames, as many Norwegians do. */
		if (rng_below(&b->r, 100) < 8) {
			const char *other = pick(&b->r, surnames, COUNT(surnames));
			if (strcmp(other, last) != 0)
				last = arena_printf(b->a, "%s %s", other, last);
		}
	}
	if (!last) {
		b->failed = true;
		return;
	}
	int i = o->npeople++;
	o->people[i] = (struct demo_person){
		.name = arena_printf(b->a, "%s %s", first, last),
		.email = person_email(b, first, last),
		.employee_number = arena_printf(b->a, "%d", 100001 + i),
		.job_title = title,
		.unit = unit,
		.active = true,
	};
	if (!o->people[i].name || !o->people[i].employee_number)
		b->failed = true;
}

static void build_people(struct build *b, int npeople)
{
	struct demo_org *o = b->o;
	for (int u = 0; u < o->nunits; u++) {
		o->units[u].leader = o->npeople;
		add_person(b, u, leader_titles[o->units[u].level]);
	}
	/* The others go to units by weight: most work in sections and teams. */
	static const int weight_of_level[] = { 2, 3, 20, 12 };
	int64_t total = 0;
	int64_t *cum = arena_alloc(b->a, sizeof *cum * (size_t)o->nunits);
	if (!cum) {
		b->failed = true;
		return;
	}
	for (int u = 0; u < o->nunits; u++)
		cum[u] = total += weight_of_level[o->units[u].level];
	while (o->npeople < npeople && !b->failed) {
		int64_t x = (int64_t)(rng_next(&b->r) % (uint64_t)total);
		int lo = 0, hi = o->nunits - 1;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (cum[mid] > x)
				hi = mid;
			else
				lo = mid + 1;
		}
		int d = division_of(o, lo);
		const char *title = d >= 0 && rng_below(&b->r, 100) < 20 ?
				    divisions[d - 1].title : pick(&b->r, titles, COUNT(titles));
		add_person(b, lo, title);
		/* About 3% have left (inactive). */
		if (rng_below(&b->r, 100) < 3)
			o->people[o->npeople - 1].active = false;
	}
}

/* The first active non-leader in unit u or below it, not in taken; -1. */
static int member_under(const struct demo_org *o, int u, const int *taken, int ntaken)
{
	for (int i = o->nunits; i < o->npeople; i++) {
		if (!o->people[i].active)
			continue;
		int v = o->people[i].unit;
		while (v >= 0 && v != u)
			v = o->units[v].parent;
		bool used = false;
		for (int k = 0; k < ntaken; k++)
			used |= taken[k] == i;
		if (v == u && !used)
			return i;
	}
	return -1;
}

static int unit_by_code(const struct demo_org *o, const char *code)
{
	for (int u = 0; u < o->nunits; u++)
		if (strcmp(o->units[u].code, code) == 0)
			return u;
	return -1;
}

static const char *password(struct build *b)
{
	const char *w1 = pick(&b->r, password_words, COUNT(password_words));
	const char *w2;
	do
		w2 = pick(&b->r, password_words, COUNT(password_words));
	while (w2 == w1);
	const char *p = arena_printf(b->a, "%s-%s-%04d", w1, w2, rng_below(&b->r, 10000));
	if (!p)
		b->failed = true;
	return p ? p : "";
}

static void build_accounts(struct build *b)
{
	struct demo_org *o = b->o;
	int dig = unit_by_code(o, "DIG"), hro = unit_by_code(o, "HRO"), tik = unit_by_code(o, "TIK");
	int taken[DEMO_ACCOUNTS], ntaken = 0;
	/* The leader leads a division (the agency when there is none). */
	int leader = o->units[dig >= 0 ? dig : 0].leader;
	taken[ntaken++] = leader;
	int employee = member_under(o, dig >= 0 ? dig : 0, taken, ntaken);
	taken[ntaken++] = employee;
	int hr = member_under(o, hro >= 0 ? hro : 0, taken, ntaken);
	taken[ntaken++] = hr;
	int rep = member_under(o, tik >= 0 ? tik : 0, taken, ntaken);
	taken[ntaken++] = rep;
	/* top management: the head of the organisation */
	int top = o->units[0].leader;
	for (int i = 0; i < ntaken; i++)
		if (taken[i] == top)
			top = -1;

	/* name: for an account without a person (too few people to link one). */
	static const struct { enum role role; const char *email, *name; } roles[DEMO_ACCOUNTS] = {
		{ ROLE_ADMIN, "admin@demo.evne.no", "Systemadministrator" },
		{ ROLE_HR, "hr@demo.evne.no", "HR-avdelingen" },
		{ ROLE_LEADER, "leder@demo.evne.no", "Leder" },
		{ ROLE_EMPLOYEE, "ansatt@demo.evne.no", "Ansatt" },
		{ ROLE_REPRESENTATIVE, "tillitsvalgt@demo.evne.no", "Tillitsvalgt" },
		{ ROLE_MANAGEMENT, "toppledelse@demo.evne.no", "Toppledelsen" },
	};
	const int person[DEMO_ACCOUNTS] = { -1, hr, leader, employee, rep, top };
	for (int i = 0; i < DEMO_ACCOUNTS; i++) {
		int p = person[i];
		o->accounts[i] = (struct demo_account){
			.role = roles[i].role,
			.email = roles[i].email,
			.name = p >= 0 ? o->people[p].name : roles[i].name,
			.password = password(b),
			.person = p,
		};
	}
}

enum err demo_build(struct arena *a, uint64_t seed, int nunits, int npeople, struct demo_org *out)
{
	if (nunits < 1 || nunits > DEMO_UNITS_MAX || npeople < nunits || npeople > DEMO_PEOPLE_MAX)
		return ERR_INVALID;
	memset(out, 0, sizeof *out);
	struct build b = { .a = a, .r = { seed }, .o = out };
	out->name = AGENCY;
	out->units = arena_alloc(a, sizeof *out->units * (size_t)nunits);
	out->people = arena_alloc(a, sizeof *out->people * (size_t)npeople);
	if (!out->units || !out->people)
		return ERR_TOO_BIG;
	import_keymap_init(&b.emails, a, (size_t)npeople, false);
	build_units(&b, nunits);
	if (!b.failed)
		build_people(&b, npeople);
	if (!b.failed)
		build_accounts(&b);
	return b.failed || b.emails.failed ? ERR_TOO_BIG : OK;
}

/* ---- the competence catalogue ---- */

static const struct demo_area demo_areas[] = {
	{ "digi", "Digital kompetanse", "Bruk og utvikling av digitale verktøy, data og tjenester.", -1 },
	{ "juss", "Juss og forvaltning", "Regelverk, saksbehandling og god forvaltningsskikk.", -1 },
	{ "led", "Ledelse", "Å lede mennesker, endring og resultater i staten.", -1 },
	{ "komm", "Kommunikasjon", "Klart språk, brukerdialog og samarbeid.", -1 },
	{ "okon", "Økonomi", "Budsjett, regnskap og virksomhetsstyring.", -1 },
	{ "digi-data", "Data og analyse", "Å hente, forstå og bruke data i beslutninger.", 0 },
};

static const struct demo_competence demo_items[] = {
	{ "digi-sikkerhet", "Informasjonssikkerhet", "Kjenne til og følge virksomhetens rutiner for **informasjonssikkerhet** og personvern.", 0 },
	{ "digi-tjenester", "Tjenestedesign", "Utvikle digitale tjenester sammen med brukerne.", 0 },
	{ "digi-ki", "Kunstig intelligens i saksbehandling", "Vurdere muligheter, risiko og regelverk ved bruk av KI.", 0 },
	{ "digi-sky", "Skytjenester", "Bruke og forvalte skytjenester trygt.", 0 },
	{ "digi-data-analyse", "Dataanalyse", "Analysere, visualisere og forklare data.", 5 },
	{ "digi-data-deling", "Datadeling og arkitektur", "Dele data etter felles arkitekturprinsipper.", 5 },
	{ "juss-fvl", "Forvaltningsrett", "Saksbehandling etter forvaltningsloven.", 1 },
	{ "juss-offl", "Offentlighet og innsyn", "Behandle innsynskrav etter offentleglova.", 1 },
	{ "juss-gdpr", "Personvern (GDPR)", "Behandle personopplysninger lovlig.", 1 },
	{ "juss-anskaffelser", "Offentlige anskaffelser", "Planlegge og gjennomføre anskaffelser etter regelverket.", 1 },
	{ "juss-arkiv", "Arkiv og dokumentasjon", "Journalføring og arkivering etter arkivlova.", 1 },
	{ "led-endring", "Endringsledelse", "Lede mennesker gjennom omstilling.", 2 },
	{ "led-coaching", "Coachende lederskap", "Utvikle medarbeidere gjennom samtaler og tillit.", 2 },
	{ "led-mrs", "Mål- og resultatstyring", "Sette mål, følge opp og lære av resultater.", 2 },
	{ "led-arbeidsmiljo", "Arbeidsmiljø og HMS", "Ivareta et godt og forsvarlig arbeidsmiljø.", 2 },
	{ "komm-klarsprak", "Klart språk", "Skrive slik at mottakeren forstår.", 3 },
	{ "komm-nynorsk", "Nynorsk", "Skrive korrekt nynorsk i tråd med språklova.", 3 },
	{ "komm-bruker", "Brukerdialog", "Møte brukerne med respekt og gode svar.", 3 },
	{ "komm-presentasjon", "Presentasjon og formidling", "Formidle fag muntlig for ulike målgrupper.", 3 },
	{ "okon-budsjett", "Budsjett og prognoser", "Lage og følge opp budsjett.", 4 },
	{ "okon-regnskap", "Statlig regnskap", "Regnskap etter de statlige regnskapsstandardene (SRS).", 4 },
	{ "okon-styring", "Virksomhetsstyring", "Risikostyring og internkontroll.", 4 },
	{ "okon-gevinst", "Gevinstrealisering", "Planlegge og hente ut gevinster av tiltak.", 4 },
};

void demo_catalogue(const struct demo_area **areas, int *nareas, const struct demo_competence **items,
		    int *nitems)
{
	*areas = demo_areas;
	*nareas = (int)(sizeof demo_areas / sizeof demo_areas[0]);
	*items = demo_items;
	*nitems = (int)(sizeof demo_items / sizeof demo_items[0]);
}

/* ---- the yearly cycle ---- */

void demo_cycle_plan(int32_t today, struct demo_cycle_plan *out)
{
	static const int weeks[PHASE_COUNT - 1] = { 6, 8, 6, 8 };
	int32_t start = today - 14, day = start;
	int y, m, d;
	for (int k = 0; k < PHASE_COUNT - 1; k++) {
		date_format(day, out->starts_on[k]);
		day += weeks[k] * 7;
		date_format(day - 1, out->ends_on[k]);
	}
	date_civil(start, &y, &m, &d);
	out->first_year = y;
	date_format(day, out->starts_on[PHASE_IMPLEMENTATION]);
	/* 12 months after the start; 29 February falls on 1 March a year later. */
	date_format(date_days(y + 1, m, d) - 1, out->ends_on[PHASE_IMPLEMENTATION]);
	int32_t ud_end;
	if (!date_parse(out->ends_on[PHASE_UNIT_DISCUSSION], &ud_end))
		ud_end = day;
	date_civil(ud_end, &y, &m, &d);
	snprintf(out->name, sizeof out->name, "%d", y);
}

/* ---- the strategy ---- */

static const struct demo_main_goal demo_main_goals[] = {
	{ "Enkle og forståelige tjenester for brukerne",
	  "Innbyggere og virksomheter skal oppleve at det er enkelt å finne fram, søke og forstå "
	  "hva vi har bestemt og hvorfor.",
	  { { "S1.1", "Flere saker behandles heldigitalt",
	      "Søknader, vedtak og klager går digitalt fra start til slutt, med automatisering der "
	      "regelverket gir rom for det.",
	      { "Andel saker behandlet heldigitalt", "%", 4800, 7500, true, 4800, 5700 } },
	    { "S1.2", "Brukerne forstår vedtak og veiledning",
	      "Vedtak, brev og veiledning er skrevet i klart språk og testet på brukerne.",
	      { "Brukernes vurdering av hvor forståelige vedtakene er (skala 1–6)", "poeng", 420, 500,
		true, 420, 445 } } } },
	{ "Risikobasert og treffsikkert tilsyn",
	  "Vi bruker ressursene der risikoen for brudd på regelverket og skade for samfunnet er størst.",
	  { { "S2.1", "Tilsynene velges ut etter risiko",
	      "Data og analyse ligger til grunn for hvilke virksomheter vi fører tilsyn med.",
	      { "Andel tilsyn valgt ut etter dokumentert risikovurdering", "%", 5500, 9000, true, 5500,
		6800 } },
	    { "S2.2", "Raskere og riktigere behandling av klagesaker",
	      "Klagerne får svar innen rimelig tid, og vedtakene holder ved overprøving.",
	      { "Gjennomsnittlig behandlingstid for klagesaker", "dager", 9400, 6000, true, 9400,
		8150 } } } },
	{ "Riktig kompetanse og en lærende organisasjon",
	  "Vi har kompetansen som trengs for å løse samfunnsoppdraget i dag og i årene som kommer, "
	  "og vi drifter tjenestene sikkert og effektivt.",
	  { { "S3.1", "Medarbeiderne utvikler kompetansen virksomheten trenger",
	      "Hver medarbeider har en utviklingsplan som tar hensyn til virksomhetens kritiske "
	      "kompetansebehov.",
	      { "Andel medarbeidere med utviklingsplan knyttet til kritisk kompetanse", "%", 3200,
		9000, false, 0, 3200 } },
	    { "S3.2", "Sikker og effektiv drift av digitale tjenester",
	      "Kritiske systemer er risikovurdert, og gevinstene av digitaliseringen tas ut.",
	      { "Andel kritiske systemer med oppdatert risikovurdering", "%", 6000, 10000, true, 6000,
		7400 } } } },
};

static const struct demo_strategy demo_strategy_data = {
	.vision =
		"**Trygg forvaltning – enkelt for brukerne.**\n\n"
		"Direktoratet for forvaltning og tilsyn skal gjøre det enkelt å gjøre rett, og gripe inn "
		"der risikoen er størst. Vi skal være en kunnskapsbasert og åpen etat som innbyggere, "
		"virksomheter og departementet har tillit til.\n",
	.core_values =
		"- **Åpen** – vi deler kunnskap og begrunner beslutningene våre.\n"
		"- **Pålitelig** – vi behandler like saker likt og holder det vi lover.\n"
		"- **Modig** – vi tar opp vanskelige spørsmål og prøver nye løsninger.\n",
	.culture =
		"- Vi deler kunnskap på tvers av avdelinger og seksjoner.\n"
		"- Vi sier fra tidlig og lærer av feil i stedet for å skjule dem.\n"
		"- Vi ser sakene fra brukerens side.\n"
		"- Vi tar i bruk nye digitale verktøy og arbeidsformer når de gjør oss bedre.\n",
	.behaviour =
		"### Åpen\n\n"
		"Jeg deler det jeg vet, dokumenterer arbeidet mitt slik at andre kan bygge videre på det, "
		"og forklarer vedtak så mottakeren forstår hvorfor.\n\n"
		"### Pålitelig\n\n"
		"Jeg følger regelverk og rutiner, holder frister og sier fra i god tid når noe ikke går "
		"som planlagt.\n\n"
		"### Modig\n\n"
		"Jeg foreslår forbedringer, gir og tar imot tilbakemeldinger, og tar ansvar for egen "
		"læring og utvikling.\n",
	.leadership =
		"Ledere i direktoratet\n\n"
		"1. **gir retning**: forklarer strategien og hva den betyr for enheten,\n"
		"2. **involverer**: lar medarbeiderne og de tillitsvalgte delta i planleggingen,\n"
		"3. **utvikler mennesker**: følger opp hver medarbeiders utviklingsplan,\n"
		"4. **skaper resultater**: setter tydelige mål, følger opp og lærer av resultatene,\n"
		"5. **går foran**: lever etter verdiene og atferdsbeskrivelsene.\n",
	.main_goals = demo_main_goals,
	.nmain = COUNT(demo_main_goals),
};

static const struct demo_unit_goal demo_unit_goals[] = {
	{ "DIG", "Tre nye sakstyper over på heldigital behandling",
	  "Vi utvikler og setter i drift digital søknad og automatisert saksbehandling for tre "
	  "sakstyper i løpet av året, sammen med fagavdelingene.", "S1.1" },
	{ "DIG", "Oppdatert risikovurdering for alle kritiske systemer",
	  "Seksjon for informasjonssikkerhet leder arbeidet; hver systemeier gjennomgår sitt system "
	  "minst én gang i året.", "S3.2" },
	{ "OVS", "Gevinstplan for alle digitaliseringsprosjekter",
	  "Ingen nye prosjekter starter uten en gevinstplan med eier, målepunkter og oppfølging.",
	  "S3.2" },
	{ "OVS", "Tilsynsbudsjettet fordeles etter risiko",
	  "Vi utvikler en fordelingsmodell sammen med Tilsyn og kontroll, basert på risikoanalysen.",
	  "S2.1" },
	{ "TIK", "Risikobasert utvelgelse av alle planlagte tilsyn",
	  "Alle planlagte tilsyn velges ut med den nye risikomodellen og dokumenteres i saken.",
	  "S2.1" },
	{ "TIK", "Klagesaker behandles innen 60 dager",
	  "Vi innfører fast ukentlig prioritering av klagesaker og bedre maler for oversendelse.",
	  "S2.2" },
	{ "KOM", "Klart språk i alle standardbrev og vedtaksmaler",
	  "Alle standardbrev gjennomgås og brukertestes, i samarbeid med Juridisk avdeling.",
	  "S1.2" },
	{ "KOM", "Veiledning som får flere til å søke digitalt",
	  "Ny veiledning på nettsidene for de fem største sakstypene, med lenke rett til digital søknad.",
	  "S1.1" },
	{ "HRO", "Alle medarbeidere har en utviklingsplan knyttet til kritisk kompetanse",
	  "Vi gir lederne opplæring i kompetansedrøftinger og følger opp at medarbeidersamtalene "
	  "gjennomføres.", "S3.1" },
	{ "HRO", "Program for nye ledere",
	  "Alle nye ledere gjennomfører lederprogrammet det første året, med lederprinsippene som "
	  "grunnlag.", "S3.1" },
	{ "JUR", "Oppdaterte vedtaksmaler etter forvaltningsloven",
	  "Vi gjennomgår vedtaksmalene slik at begrunnelsene er riktige og lette å forstå.", "S2.2" },
	{ "JUR", "Personvernvurdering for nye digitale tjenester",
	  "Alle nye digitale tjenester får en vurdering av personvernkonsekvenser før de settes i drift.",
	  "S1.1" },
};

static const char GUIDE_BODY[] =
	"Denne veiledningen hjelper deg som leder med å forberede og lede kompetansedrøftingen i din "
	"enhet. Kompetansedrøftingene er en del av virksomhetens årshjul og gjør strategien om til "
	"konkrete kompetansebehov, tiltak og individuelle utviklingsplaner.\n\n"
	"# Årshjulet i korte trekk\n\n"
	"1. **Lederforberedelse** – du setter deg inn i strategien og enhetens mål.\n"
	"2. **Lokal kompetansedrøfting** – enheten drøfter kompetansebehovene i et møte og foreslår "
	"kritiske behov og tiltak.\n"
	"3. **Sammenstilling og beslutning** – HR sammenstiller forslagene til virksomhetens "
	"kompetansestrategi, som toppledelsen vedtar.\n"
	"4. **Medarbeidersamtaler** – hver medarbeider får en individuell utviklingsplan som tar "
	"hensyn til de kritiske kompetansebehovene.\n"
	"5. **Iverksetting** – tiltakene gjennomføres og følges opp.\n\n"
	"# Steg 1: Forbered deg\n\n"
	"Målet er at du er godt forberedt og trygg på å lede prosessen. Still deg disse spørsmålene:\n\n"
	"- Hva er innholdet i virksomhetens strategi?\n"
	"- Hvilke mål og bidrag er utpekt for min enhet?\n"
	"- Hva slags kompetanse vil virksomheten og min enhet trenge?\n\n"
	"Slik gjør du det:\n\n"
	"1. Les strategien: visjonen, hovedmålene, de strategiske målene med indikatorene, "
	"kjerneverdiene, de ønskede kulturtrekkene, atferdsbeskrivelsene og lederprinsippene.\n"
	"2. Tenk gjennom hvilke mål som er mest sannsynlige og aktuelle for enheten, gitt føringene "
	"i strategien. Enhetens mål fra målnedbrytingen finner du på enhetens side.\n"
	"3. Tenk gjennom hvilken kompetanse virksomheten og enheten vil trenge i årene som kommer. "
	"Skriv gjerne utkast til kompetansebehov på forberedelsessiden; de følger med inn i "
	"drøftingen.\n"
	"4. Les denne veiledningen og hjelpemiddelet for kartlegging av kritisk kompetanse.\n"
	"5. Velg dokumentpakken og send den til medarbeiderne i god tid før møtet. Følg med på "
	"hvem som har bekreftet at de har lest, og send en påminnelse ved behov.\n\n"
	"Du er ferdig forberedt når alle punktene på sjekklisten er krysset av og medarbeiderne har "
	"fått og lest dokumentasjonen.\n\n"
	"# Steg 2: Led drøftingsmøtet\n\n"
	"Sett av om lag 90 minutter. Målet er at enheten får en konkret og felles forståelse av "
	"kompetansebehovene sine. Forslag til dagsorden:\n\n"
	"1. **Innledning (10 min)** – hvorfor og hvordan vi arbeider med kompetansestrategi i "
	"virksomheten.\n"
	"2. **Strategien og våre mål (15 min)** – kort informasjon om strategien og en repetisjon "
	"av enhetens utpekte mål.\n"
	"3. **Kritiske kompetansebehov (35 min)** – kartlegg hvilken kompetanse som er kritisk for "
	"å nå målene. Bruk hjelpemiddelet.\n"
	"4. **Forslag til kompetansetiltak (20 min)** – hvordan skal vi skaffe, utvikle, mobilisere "
	"eller avvikle kompetanse?\n"
	"5. **Oppsummering og konklusjon (10 min)** – bli enige om forslagene enheten sender inn.\n\n"
	"Sentrale spørsmål i møtet:\n\n"
	"- Hva sier strategien, og hvilke mål og bidrag har vi fått?\n"
	"- Hva slags kompetanse vil virksomheten og enheten vår trenge?\n"
	"- Hvilke tiltak foreslår vi for å dekke de kritiske behovene?\n\n"
	"## Tips til gjennomføringen\n\n"
	"- Gi alle ordet. Start gjerne med et par minutter der hver enkelt noterer egne tanker.\n"
	"- Hold diskusjonen på enhetsnivå. Den enkeltes ønsker tar dere i medarbeidersamtalen.\n"
	"- Skill mellom det som er *kritisk* for å nå målene og det som er *nyttig å ha*.\n"
	"- Inviter tillitsvalgt når enheten har det; medvirkning er en del av prosessen.\n\n"
	"# Etter møtet\n\n"
	"Registrer enhetens forslag til kritiske kompetansebehov og tiltak, og send dem inn innen "
	"fristen i årshjulet. Forslagene blir grunnlaget for virksomhetens kompetansestrategi og for "
	"medarbeidersamtalene.\n\n"
	"# Ønsket resultat\n\n"
	"- Du er forberedt på og komfortabel med å lede kompetansedrøftingen i egen enhet.\n"
	"- Medarbeiderne har fått og gjort seg kjent med relevant dokumentasjon.\n"
	"- Enheten har formulert sine forslag til kritiske kompetansebehov og tiltak, og har en "
	"felles forståelse av hva strategien betyr for den langsiktige kompetanseutviklingen.\n";

static const char AID_BODY[] =
	"Bruk dette hjelpemiddelet i forberedelsene og i drøftingsmøtet, når enheten skal finne sine "
	"kritiske kompetansebehov.\n\n"
	"# Hva er kritisk kompetanse?\n\n"
	"Kritisk kompetanse er kompetanse virksomheten *må* ha for å nå de strategiske målene, og som "
	"det tar tid eller er vanskelig å skaffe. Et kompetansebehov er kritisk når svaret er ja på "
	"minst ett av spørsmålene:\n\n"
	"- Når vi ikke målet hvis vi mangler kompetansen?\n"
	"- Er det få eller ingen hos oss som har den i dag?\n"
	"- Tar det mer enn et år å bygge den opp eller rekruttere den?\n\n"
	"# Slik kartlegger dere\n\n"
	"1. **Ta utgangspunkt i målene.** Gå gjennom enhetens mål og de strategiske målene de er "
	"knyttet til.\n"
	"2. **Spør hva målene krever.** Hvilke oppgaver må løses, og hvilken kompetanse trengs for "
	"å løse dem om to til tre år?\n"
	"3. **Vurder dagens nivå.** Hvor gode er vi i dag, og hvor gode må vi bli? Bruk nivåene i "
	"kompetansekatalogen.\n"
	"4. **Vurder hvor kritisk behovet er.** Høy: målet nås ikke uten. Middels: målet nås "
	"senere eller dårligere. Lav: nyttig, men ikke avgjørende.\n"
	"5. **Foreslå tiltak.** Velg en av de fire tiltakstypene nedenfor for hvert kritisk behov.\n\n"
	"# De fire tiltakstypene\n\n"
	"- **Skaffe** – rekruttere, leie inn eller kjøpe kompetanse vi ikke har.\n"
	"- **Utvikle** – kurs, hospitering, erfaringsdeling og læring i arbeidet.\n"
	"- **Mobilisere** – ta i bruk kompetanse vi allerede har, på tvers av enheter.\n"
	"- **Avvikle** – fase ut kompetanse og oppgaver vi ikke lenger trenger.\n\n"
	"# Beskriv hvert behov\n\n"
	"- **Kompetanse**: hva det gjelder, gjerne med navnet fra kompetansekatalogen.\n"
	"- **Strategisk mål**: hvilket mål behovet bidrar til (for eksempel S1.1).\n"
	"- **Kritikalitet**: høy, middels eller lav.\n"
	"- **Nødvendig og nåværende nivå**: hvor stort gapet er.\n"
	"- **Hvem det gjelder**: hele enheten, noen roller eller et antall personer.\n"
	"- **Tidshorisont**: når kompetansen må være på plass.\n\n"
	"# Eksempel\n\n"
	"> **Dataanalyse** (S2.1 Tilsynene velges ut etter risiko). Kritikalitet: høy. Vi trenger "
	"tre inspektører som kan bruke risikomodellen selvstendig innen ett år; i dag kan én. "
	"Tiltak: utvikle (kurs og hospitering hos Seksjon for data og analyse) og mobilisere "
	"(analytiker deltar i planleggingen av tilsyn).\n";

static const struct demo_document demo_documents[] = {
	{ DOC_LEADER_GUIDE, "Lederveiledning: kompetansedrøftinger i egen enhet",
	  "Hvordan du forbereder deg, leder drøftingsmøtet og følger opp etterpå.", GUIDE_BODY },
	{ DOC_AID, "Hjelpemiddel: kartlegging av kritisk kompetanse",
	  "Spørsmål, kriterier og en mal for å finne og beskrive enhetens kritiske kompetansebehov.",
	  AID_BODY },
};

void demo_strategy(const struct demo_strategy **strategy, const struct demo_unit_goal **goals,
		   int *ngoals, const struct demo_document **docs, int *ndocs)
{
	*strategy = &demo_strategy_data;
	*goals = demo_unit_goals;
	*ngoals = COUNT(demo_unit_goals);
	*docs = demo_documents;
	*ndocs = COUNT(demo_documents);
}

/* ---- phase 2: the units' proposals ---- */

static const char *const free_needs[] = {
	"Klarspråk i vedtak og brev",
	"Kunnskap om EUs regelverk for kunstig intelligens",
	"Veiledning av brukere i digitale kanaler",
	"Endringsledelse i team",
	"Prosjektledelse etter virksomhetens modell",
	"Arkivering og dokumentasjon i sak",
};

static const char *const rationales[] = {
	"Flere oppgaver automatiseres, og vi må kunne vurdere resultatene selv.",
	"To av de mest erfarne går av med pensjon i løpet av året.",
	"Brukerundersøkelsen viser at vedtakene våre er vanskelige å forstå.",
	"Nye krav i regelverket trer i kraft neste år.",
	"Vi leier i dag inn denne kompetansen og vil bygge den selv.",
	"Tilsynene skal velges etter risiko, og det krever analyse vi ikke har nok av.",
	"Enheten får nye oppgaver etter omorganiseringen.",
};

static const char *const measure_titles[] = {   /* by kind: acquire, develop, mobilise, phase out */
	"Rekruttere en medarbeider med kompetansen",
	"Kursrekke og hospitering",
	"Fagnettverk på tvers av enhetene",
	"Avvikle manuelle rutiner som automatiseres",
};

static const char *const measure_descriptions[] = {
	"Utlysning våren, med kompetansen som krav i stillingsannonsen.",
	"Et internt kurs på fire samlinger, og to uker hospitering hos fagmiljøet.",
	"Et nettverk som møtes månedlig og deler erfaringer og verktøy.",
	"Oppgavene flyttes til den nye løsningen, og kompetansen frigjøres til veiledning.",
};

static const char *const owners[] = { "Enhetsleder", "Seksjonssjef", "HR-rådgiver", "Fagkoordinator" };

/* Whether unit u is inside the subtree of top (top itself included). */
static bool in_subtree(const struct demo_org *o, int u, int top)
{
	for (int k = 0; u >= 0 && k <= o->nunits; k++, u = o->units[u].parent)
		if (u == top)
			return true;
	return false;
}

enum err demo_proposals(struct arena *a, uint64_t seed, const struct demo_org *o, int skip_unit,
			int first_year, struct demo_proposal **out, int *n)
{
	struct rng r = { seed ^ 0x5eed2u };
	int *people = arena_alloc(a, sizeof *people * (size_t)o->nunits);
	struct demo_proposal *p = arena_alloc(a, sizeof *p * (size_t)o->nunits);
	const char *timing[2] = { arena_printf(a, "Våren %d", first_year + 1),
				  arena_printf(a, "Høsten %d", first_year + 1) };
	if (!people || !p || !timing[0] || !timing[1])
		return ERR_TOO_BIG;
	memset(people, 0, sizeof *people * (size_t)o->nunits);
	for (int i = 0; i < o->npeople; i++)
		if (o->people[i].active && o->people[i].unit >= 0)
			people[o->people[i].unit]++;
	int ngoals = COUNT(demo_main_goals) * DEMO_GOALS_PER_MAIN, nitems = COUNT(demo_items);
	int np = 0;
	for (int u = 0; u < o->nunits; u++) {
		/* four in five units with people have met; most of them submitted */
		if (people[u] == 0 || (skip_unit >= 0 && in_subtree(o, u, skip_unit)) || rng_below(&r, 5) == 0)
			continue;
		struct demo_proposal *dp = &p[np++];
		*dp = (struct demo_proposal){ .unit = u, .submitted = rng_below(&r, 6) != 0 };
		dp->nneeds = 1 + rng_below(&r, DEMO_NEEDS_MAX);
		for (int k = 0; k < dp->nneeds; k++) {
			struct demo_need *dn = &dp->needs[k];
			bool free_text = rng_below(&r, 6) == 0;
			dn->competence = free_text ? -1 : rng_below(&r, nitems);
			dn->title = free_text ? pick(&r, free_needs, COUNT(free_needs)) : demo_items[dn->competence].name;
			dn->criticality = 1 + rng_below(&r, 3);          /* medium, high or critical */
			dn->horizon = rng_below(&r, 3);
			dn->required = 3 + rng_below(&r, 2);
			dn->current = 1 + rng_below(&r, dn->required - 1);
			dn->people_affected = 1 + rng_below(&r, people[u]);
			dn->goal = rng_below(&r, ngoals);
			dn->rationale = pick(&r, rationales, COUNT(rationales));
		}
		dp->nmeasures = 1 + rng_below(&r, DEMO_MEASURES_MAX);
		for (int k = 0; k < dp->nmeasures; k++) {
			struct demo_measure *dm = &dp->measures[k];
			dm->kind = rng_below(&r, 10) == 0 ? 3 : rng_below(&r, 3);
			dm->title = measure_titles[dm->kind];
			dm->description = measure_descriptions[dm->kind];
			dm->owner = pick(&r, owners, COUNT(owners));
			dm->timing = timing[rng_below(&r, 2)];
			dm->cost = dm->kind == 3 ? 0 : 5000 * (1 + rng_below(&r, 40));
			dm->need = rng_below(&r, dp->nneeds);
		}
	}
	*out = p;
	*n = np;
	return OK;
}
