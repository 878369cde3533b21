/* demo_data.c — the demo organisation of demo_data.h. A splitmix64 generator
 * seeded by --seed drives every choice, so a seed always gives the same
 * agency. The structure: Direktoratet for forvaltning og tilsyn, six
 * divisions, named sections under them taken in turn, and when the named
 * sections run out, teams under the sections. */
#include "cli/demo_data.h"

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

	/* name: for an account without a person (too few people to link one). */
	static const struct { enum role role; const char *email, *name; } roles[DEMO_ACCOUNTS] = {
		{ ROLE_ADMIN, "admin@demo.evne.no", "Systemadministrator" },
		{ ROLE_HR, "hr@demo.evne.no", "HR-avdelingen" },
		{ ROLE_LEADER, "leder@demo.evne.no", "Leder" },
		{ ROLE_EMPLOYEE, "ansatt@demo.evne.no", "Ansatt" },
		{ ROLE_REPRESENTATIVE, "tillitsvalgt@demo.evne.no", "Tillitsvalgt" },
	};
	const int person[DEMO_ACCOUNTS] = { -1, hr, leader, employee, rep };
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
