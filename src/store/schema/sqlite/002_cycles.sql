-- 002_cycles: the yearly cycle (årshjul). cycles holds one row per cycle
-- ("2027") with its state draft -> open -> closed; cycle_phases holds the
-- five phases of every cycle, each with both dates or neither (ISO text
-- 'YYYY-MM-DD', which sorts as dates do); phase_texts holds the
-- organisation's texts of each phase per language, loaded here from the
-- seed ("Kompetansedrøftinger", June 2020: bokmål verbatim; nynorsk and
-- English translated; the compilation phase written in the same style) and
-- editable by HR. The lists (key_questions, procedure, desired_result) hold
-- one item per line. updated_at 0 and updated_by NULL mean "as in the seed".

CREATE TABLE cycles (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL UNIQUE CHECK (name <> ''),
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cycles_status ON cycles (status);

CREATE TABLE cycle_phases (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	phase_key TEXT NOT NULL CHECK (phase_key IN ('leader_preparation', 'unit_discussion', 'compilation', 'conversations', 'implementation')),
	starts_on TEXT CHECK (starts_on IS NULL OR length(starts_on) = 10),
	ends_on TEXT CHECK (ends_on IS NULL OR length(ends_on) = 10),
	CHECK ((starts_on IS NULL) = (ends_on IS NULL)),
	CHECK (starts_on IS NULL OR starts_on <= ends_on),
	PRIMARY KEY (cycle_id, phase_key)
) STRICT;

CREATE TABLE phase_texts (
	phase_key TEXT NOT NULL CHECK (phase_key IN ('leader_preparation', 'unit_discussion', 'compilation', 'conversations', 'implementation')),
	lang TEXT NOT NULL CHECK (lang IN ('nb', 'nn', 'en')),
	purpose TEXT NOT NULL,
	key_questions TEXT NOT NULL,
	procedure TEXT NOT NULL,
	desired_result TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	PRIMARY KEY (phase_key, lang)
) STRICT;

INSERT INTO phase_texts (phase_key, lang, purpose, key_questions, procedure, desired_result,
	updated_at, updated_by) VALUES
('leader_preparation', 'nb',
'Å sikre at leder er godt forberedt til å lede prosessen',
'Hva er innholdet i virksomhetens strategi?
Hvilke mål og bidrag er utpekt for min enhet?
Hva slags kompetanse vil være nødvendig for virksomheten og min enhet?',
'Gjennomgå all dokumentasjon som omhandler virksomhetens visjon, hovedmål, strategiske mål og de tilhørende indikatorene samt virksomhetens strategiske kjerneverdier, ønskede kulturtrekk, atferdsbeskrivelser og lederprinsipper
Tenk gjennom hva som vil være de mest sannsynlige og aktuelle målene for egen enhet gitt føringene i strategien
Tenk gjennom hva som vil kunne være nødvendig kompetanse for virksomheten og egen enhet i årene som kommer gitt føringene i strategien
Forbered egen ledelse av prosessen i egen enhet ved bruk av lederveiledningene og de tilgjengelige hjelpemidlene',
'At leder er forberedt på og komfortabel med å lede kompetansedrøftingen i egen enhet
At medarbeiderne har fått og har gjort seg kjent med relevant dokumentasjon',
0, NULL),
('leader_preparation', 'nn',
'Å sikre at leiaren er godt førebudd til å leie prosessen',
'Kva er innhaldet i strategien til verksemda?
Kva mål og bidrag er peika ut for eininga mi?
Kva slags kompetanse vil vere nødvendig for verksemda og eininga mi?',
'Gå gjennom all dokumentasjon som handlar om visjonen, hovudmåla, dei strategiske måla og dei tilhøyrande indikatorane til verksemda, i tillegg til dei strategiske kjerneverdiane, ønskte kulturtrekk, åtferdsskildringar og leiarprinsippa til verksemda
Tenk gjennom kva som vil vere dei mest sannsynlege og aktuelle måla for eiga eining gitt føringane i strategien
Tenk gjennom kva som kan vere nødvendig kompetanse for verksemda og eiga eining i åra som kjem gitt føringane i strategien
Førebu eiga leiing av prosessen i eiga eining ved å bruke leiarrettleiingane og dei tilgjengelege hjelpemidla',
'At leiaren er førebudd på og komfortabel med å leie kompetansedrøftinga i eiga eining
At medarbeidarane har fått og har gjort seg kjende med relevant dokumentasjon',
0, NULL),
('leader_preparation', 'en',
'To ensure that the leader is well prepared to lead the process',
'What does the organisation''s strategy contain?
Which goals and contributions have been assigned to my unit?
What kind of competence will the organisation and my unit need?',
'Review all documentation on the organisation''s vision, main goals, strategic goals and their indicators, as well as the organisation''s strategic core values, desired culture traits, behaviour descriptions and leadership principles
Think through which goals are the most likely and relevant for your own unit, given the direction set by the strategy
Think through which competence the organisation and your own unit may need in the coming years, given the direction set by the strategy
Prepare to lead the process in your own unit using the leader guides and the aids available',
'That the leader is prepared for and comfortable with leading the competence discussion in their own unit
That the employees have received and familiarised themselves with the relevant documentation',
0, NULL),
('unit_discussion', 'nb',
'Å sikre at min enhet har konkret forståelse for kompetansebehovene',
'Hva er innholdet i virksomhetens strategi og hvilke mål og bidrag har vi utpekt for vår enhet (hentes fra målnedbrytingsprosessen)?
Hva slags kompetanse vil være nødvendig for virksomheten og for vår enhet?
Hvilke tiltak vil vi foreslå for å ivareta de utpekte kompetansebehovene?',
'Innledning om hvorfor og hvordan arbeide med kompetansestrategi i virksomheten
Informasjon om strategi, repetisjon av egne utpekte mål
Kartlegging av virksomhetens kritiske kompetansebehov
Forslag til kompetansetiltak
Oppsummering og konklusjon',
'At enheten har formulert sine forslag til kritiske kompetansebehov og -tiltak
At enheten har en felles forståelse av strategiens betydning for det langsiktige arbeidet med kompetanseutvikling i virksomheten',
0, NULL),
('unit_discussion', 'nn',
'Å sikre at eininga mi har konkret forståing av kompetansebehova',
'Kva er innhaldet i strategien til verksemda, og kva mål og bidrag har vi peika ut for eininga vår (hentar frå målnedbrytingsprosessen)?
Kva slags kompetanse vil vere nødvendig for verksemda og for eininga vår?
Kva tiltak vil vi foreslå for å ta vare på dei utpeika kompetansebehova?',
'Innleiing om kvifor og korleis vi arbeider med kompetansestrategi i verksemda
Informasjon om strategien, repetisjon av dei utpeika måla til eininga
Kartlegging av dei kritiske kompetansebehova til verksemda
Forslag til kompetansetiltak
Oppsummering og konklusjon',
'At eininga har formulert forslaga sine til kritiske kompetansebehov og -tiltak
At eininga har ei felles forståing av kva strategien har å seie for det langsiktige arbeidet med kompetanseutvikling i verksemda',
0, NULL),
('unit_discussion', 'en',
'To ensure that my unit has a concrete understanding of its competence needs',
'What does the organisation''s strategy contain, and which goals and contributions have we identified for our unit (taken from the goal breakdown process)?
What kind of competence will the organisation and our unit need?
Which measures will we propose to meet the identified competence needs?',
'Introduction: why and how the organisation works with competence strategy
Information about the strategy, repetition of the unit''s own identified goals
Mapping of the organisation''s critical competence needs
Proposals for competence measures
Summary and conclusion',
'That the unit has formulated its proposals for critical competence needs and measures
That the unit shares an understanding of what the strategy means for the long-term work on competence development in the organisation',
0, NULL),
('compilation', 'nb',
'Å sikre at enhetenes forslag samles til virksomhetens besluttede kompetansestrategi',
'Hvilke kritiske kompetansebehov og tiltak har enhetene foreslått?
Hvilke behov og tiltak gjelder hele virksomheten, og hvilke gjelder én enhet?
Hvordan henger forslagene sammen med virksomhetens strategiske mål?',
'Samle enhetenes forslag til kritiske kompetansebehov og kompetansetiltak
Sammenstill forslagene til et utkast til virksomhetens kompetansestrategi med overordnede og lokale tiltak
Drøft utkastet med de tillitsvalgte
Legg kompetansestrategien fram for toppledelsen til beslutning
Gjør den besluttede kompetansestrategien kjent før medarbeidersamtalene',
'At virksomheten har en besluttet kompetansestrategi med kritiske kompetansebehov og tiltak
At de tillitsvalgte har deltatt og drøftingen er dokumentert
At hvert forslag fra enhetene kan spores til beslutningen',
0, NULL),
('compilation', 'nn',
'Å sikre at forslaga frå einingane blir samla til den vedtekne kompetansestrategien til verksemda',
'Kva kritiske kompetansebehov og tiltak har einingane foreslått?
Kva behov og tiltak gjeld heile verksemda, og kva gjeld éi eining?
Korleis heng forslaga saman med dei strategiske måla til verksemda?',
'Samle forslaga frå einingane til kritiske kompetansebehov og kompetansetiltak
Still saman forslaga til eit utkast til kompetansestrategi for verksemda med overordna og lokale tiltak
Drøft utkastet med dei tillitsvalde
Legg kompetansestrategien fram for toppleiinga til avgjerd
Gjer den vedtekne kompetansestrategien kjend før medarbeidarsamtalane',
'At verksemda har ein vedteken kompetansestrategi med kritiske kompetansebehov og tiltak
At dei tillitsvalde har vore med og at drøftinga er dokumentert
At kvart forslag frå einingane kan sporast til avgjerda',
0, NULL),
('compilation', 'en',
'To ensure that the units'' proposals are compiled into the organisation''s decided competence strategy',
'Which critical competence needs and measures have the units proposed?
Which needs and measures apply to the whole organisation, and which apply to one unit?
How do the proposals relate to the organisation''s strategic goals?',
'Collect the units'' proposals for critical competence needs and competence measures
Compile the proposals into a draft of the organisation''s competence strategy with overarching and local measures
Consult the union representatives on the draft
Present the competence strategy to top management for decision
Make the decided competence strategy known before the employee conversations',
'That the organisation has a decided competence strategy with critical competence needs and measures
That the union representatives have taken part and the consultation is documented
That every proposal from the units can be traced to the decision',
0, NULL),
('conversations', 'nb',
'Å sikre at hver enkelt medarbeiders utvikling er knyttet opp mot virksomhetens strategiske kompetansebehov',
'Hva er virksomhetens kritiske kompetansebehov?
Hva er den enkelte medarbeiders kompetansebehov?
Hvilke av virksomhetens kompetansebehov er relevante for medarbeiderens videre utvikling?',
'De kritiske kompetansebehovene og -tiltakene for virksomheten og egen enhet/avdeling som ble foreslått i den lokale kompetansedrøftingen tilgjengeliggjøres på forhånd
Alle ledere og medarbeidere forbereder seg til MUS-prosessen ved å sette seg inn i dette materialet og klarlegger ønsker og innspill knyttet til diskusjonen om utviklingsmål og eventuell karriereutvikling
Avtalte utviklingsmål og karriereønsker legges inn i gjeldende løsning på vanlig vis',
'At alle medarbeidere har en individuell utviklingsplan som tar hensyn til virksomhetens kritiske kompetansebehov
At alle individuelle kompetansebehov er kartlagt og kan tas hensyn til i virksomhetens strategiske kompetanseutvikling',
0, NULL),
('conversations', 'nn',
'Å sikre at utviklinga til kvar enkelt medarbeidar er knytt til dei strategiske kompetansebehova til verksemda',
'Kva er dei kritiske kompetansebehova til verksemda?
Kva er kompetansebehova til den enkelte medarbeidaren?
Kva for kompetansebehov i verksemda er relevante for den vidare utviklinga til medarbeidaren?',
'Dei kritiske kompetansebehova og -tiltaka for verksemda og eiga eining/avdeling som vart foreslåtte i den lokale kompetansedrøftinga, blir gjorde tilgjengelege på førehand
Alle leiarar og medarbeidarar førebur seg til medarbeidarsamtalen ved å setje seg inn i dette materialet og klarleggje ønske og innspel til diskusjonen om utviklingsmål og eventuell karriereutvikling
Avtalte utviklingsmål og karriereønske blir lagde inn i den gjeldande løysinga på vanleg måte',
'At alle medarbeidarar har ein individuell utviklingsplan som tek omsyn til dei kritiske kompetansebehova til verksemda
At alle individuelle kompetansebehov er kartlagde og kan takast omsyn til i den strategiske kompetanseutviklinga til verksemda',
0, NULL),
('conversations', 'en',
'To ensure that each employee''s development is tied to the organisation''s strategic competence needs',
'What are the organisation''s critical competence needs?
What are the individual employee''s competence needs?
Which of the organisation''s competence needs are relevant for the employee''s further development?',
'The critical competence needs and measures for the organisation and your own unit/department proposed in the local competence discussion are made available in advance
All leaders and employees prepare for the conversation by studying this material and clarifying their wishes and input on development goals and any career development
Agreed development goals and career wishes are recorded in the system in use, as usual',
'That every employee has an individual development plan that takes the organisation''s critical competence needs into account
That all individual competence needs are mapped and can be taken into account in the organisation''s strategic competence development',
0, NULL),
('implementation', 'nb',
'Å sikre samordnet iverksettelse av virksomhetens kompetansestrategi',
'Hvilke overordnede tiltak er besluttet og hvordan berører de vår enhet/avdeling?
Hvilke «lokale» tiltak gjelder oss og hvordan skal de gjennomføres?
Hva forventes av oss som ledere og medarbeidere i forbindelse med dette arbeidet?',
'Distribusjon av virksomhetens kompetansestrategi i organisasjonen (kan skje fra sentralt hold eller iverksettes lokalt)
Gjennomgang av og diskusjon om kompetansestrategien i et passende møte i egen enhet/avdeling
Oppdatering og tilpasning av lokal kompetansestrategisk handlingsplan, om relevant
Oppfølging av individuelle mål- og utviklingsplaner',
'At alle i enheten/avdelingen er kjent med virksomhetens besluttede kompetansestrategi
At alle tar ansvar for og bidrar til at besluttede aktiviteter gjennomføres i tråd med intensjonene
At individuelle utviklingstiltak som er koblet til kompetansestrategien realiseres og gir ønsket effekt',
0, NULL),
('implementation', 'nn',
'Å sikre samordna iverksetjing av kompetansestrategien til verksemda',
'Kva for overordna tiltak er vedtekne, og korleis påverkar dei eininga/avdelinga vår?
Kva for «lokale» tiltak gjeld oss, og korleis skal dei gjennomførast?
Kva blir venta av oss som leiarar og medarbeidarar i samband med dette arbeidet?',
'Distribusjon av kompetansestrategien til verksemda i organisasjonen (kan skje sentralt eller setjast i verk lokalt)
Gjennomgang av og diskusjon om kompetansestrategien i eit høveleg møte i eiga eining/avdeling
Oppdatering og tilpassing av lokal kompetansestrategisk handlingsplan, om relevant
Oppfølging av individuelle mål- og utviklingsplanar',
'At alle i eininga/avdelinga kjenner til den vedtekne kompetansestrategien til verksemda
At alle tek ansvar for og bidreg til at vedtekne aktivitetar blir gjennomførte i tråd med intensjonane
At individuelle utviklingstiltak som er knytte til kompetansestrategien, blir realiserte og gir ønskt effekt',
0, NULL),
('implementation', 'en',
'To ensure coordinated implementation of the organisation''s competence strategy',
'Which overarching measures have been decided, and how do they affect our unit/department?
Which “local” measures apply to us, and how will they be carried out?
What is expected of us as leaders and employees in this work?',
'Distribution of the organisation''s competence strategy throughout the organisation (centrally, or started locally)
Review and discussion of the competence strategy in a suitable meeting in your own unit/department
Updating and adapting the local competence action plan, where relevant
Follow-up of individual goal and development plans',
'That everyone in the unit/department knows the organisation''s decided competence strategy
That everyone takes responsibility for and contributes to carrying out the decided activities as intended
That individual development measures linked to the competence strategy are carried out and have the intended effect',
0, NULL);
