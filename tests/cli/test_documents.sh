#!/bin/sh
# test_documents.sh — documents and read confirmations over real HTTP
# (product.md, phase 1: leader guides and aids; "the employees have received
# and read the relevant documentation"; issue 4: uploads checked for size,
# type and path tricks). Starts `evne serve` with a 1 MB body limit on a demo
# database and checks: who may read and who may add documents; Markdown
# versions rendered with hostile text escaped; bad input answered 422 with a
# specific message and nothing written; uploads (a real PDF and DOCX stored
# and downloaded byte-identical with safe headers; PNG bytes named .pdf, an
# EXE, a ZIP that is not an Office file, a file over the limit refused; names
# with path tricks cut to their base name); versions; the employee's reading
# list, confirmation and "new version"; the leader's view and reminders in
# scope only; a closed cycle read-only (409); the JSON API. Read requests are
# made with SQL here, as the phase-1 preparation page will make them through
# store_read_requests_send. Prints TAP.
#
# Environment and tools: see lib.sh; also cmp.
TEST_NAME=documents
. "$(dirname "$0")/lib.sh"

demo_db --units 12 --people 80 --seed 5 --no-cycle
serve --max-body 1048576

# upload JAR PATH FIELD=VALUE... — multipart; file=@PATH;filename=NAME uploads
upload() {
	jar=$1 path=$2
	shift 2
	k=$#
	while [ "$k" -gt 0 ]; do
		f=$1
		shift
		# text with --form-string, so a value may begin with '<' or '@'
		case $f in
		file=*) set -- "$@" -F "$f" ;;
		*) set -- "$@" --form-string "$f" ;;
		esac
		k=$((k - 1))
	done
	curl -s -b "$jar" -c "$jar" -D head -o body -w '%{http_code}' "$@" "$B$path"
}

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEADER=$(login leader.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$HR" ] && [ -n "$LEADER" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"
EMP_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'ansatt@demo.evne.no'")
EMP_UNIT=$(sql "SELECT unit_id FROM people WHERE id = $EMP_PERSON")
HR_USER=$(sql "SELECT id FROM users WHERE email = 'hr@demo.evne.no'")
LEADER_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LEAD_UNIT=$(sql "SELECT id FROM units WHERE leader_id = $LEADER_PERSON ORDER BY id LIMIT 1")
# a unit outside everything the leader leads
OTHER_UNIT=$(sql "WITH RECURSIVE s(id) AS (SELECT id FROM units WHERE leader_id = $LEADER_PERSON
	UNION SELECT u.id FROM units u JOIN s ON u.parent_id = s.id)
	SELECT id FROM units WHERE id NOT IN (SELECT id FROM s) ORDER BY id LIMIT 1")
CYCLE=$(sql "INSERT INTO cycles (name, status, created_at, updated_at) VALUES ('Dokumenttest', 'open', 0, 0) RETURNING id")
[ -n "$CYCLE" ] && [ -n "$LEAD_UNIT" ] && [ -n "$OTHER_UNIT" ] || fail_all "test data"
docs() { sql "SELECT count(*) FROM documents"; }
versions() { sql "SELECT count(*) FROM document_versions"; }

# ---- who reads, who writes ----
is "GET /documents as an employee" "$(get emp.jar /documents)" 200
lacks "  ... without New document" 'href="/documents/new"'
is "GET /documents as a representative" "$(get rep.jar /documents)" 200
is "GET /documents as HR" "$(get hr.jar /documents)" 200
has "  ... with New document" 'href="/documents/new">Nytt dokument</a>'
is "a leader cannot open the new-document form" "$(get leader.jar /documents/new)" 403
C=$(docs)
is "a leader cannot add a document, and nothing is written" \
	"$(upload leader.jar /documents "csrf=$LEADER" title=X kind=aid body=Y)$(docs)" "403$C"
is "an employee cannot add a document either" "$(upload emp.jar /documents "csrf=$EMP" title=X kind=aid body=Y)$(docs)" "403$C"
is "  ... nor without the CSRF token as HR" "$(upload hr.jar /documents title=X kind=aid body=Y)$(docs)" "403$C"

# ---- a Markdown document with hostile text ----
is "GET /documents/new as HR" "$(get hr.jar /documents/new)" 200
has "  ... a multipart form" 'enctype="multipart/form-data"'
has "  ... the limit in MB" 'høyst 1 MB'
has "  ... the open cycle to choose" ">Dokumenttest</option>"
is "HR adds a Markdown document" "$(upload hr.jar /documents "csrf=$HR" 'title=<script>alert(1)</script> Veiledning' \
	kind=leader_guide "cycle_id=$CYCLE" 'description=Les "dette" før møtet' \
	'body=# Innledning

Dette er **viktig**. <img src=x onerror=alert(1)> [lenke](javascript:alert(1))')" 303
DOC=$(sql "SELECT max(id) FROM documents")
is "  ... stored with version 1 and an audit row" \
	"$(sql "SELECT d.latest_version || ' ' || d.kind || ' ' || d.cycle_id || ' ' || v.format FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.id = $DOC")$(sql "SELECT count(*) FROM audit_log WHERE entity = 'document' AND entity_id = $DOC AND action = 'create' AND user_id = $HR_USER")" \
	"1 leader_guide $CYCLE markdown1"
is "GET /documents/$DOC as an employee" "$(get emp.jar /documents/$DOC)" 200
has "  ... the title escaped" '&lt;script&gt;alert(1)&lt;/script&gt; Veiledning'
lacks "  ... no raw script" '<script>alert'
has "  ... Markdown rendered" '<strong>viktig</strong>'
lacks "  ... raw HTML in the text not passed through" '<img src=x'
lacks "  ... no javascript: link" 'href="javascript'
lacks "  ... no New version button for an employee" '/versions/new'
is "GET /documents as an employee lists it" "$(get emp.jar /documents)" 200
has "  ... escaped in the list" '&lt;script&gt;alert(1)&lt;/script&gt; Veiledning</a>'

# ---- bad input ----
C=$(docs); V=$(versions)
is "an empty title: 422" "$(upload hr.jar /documents "csrf=$HR" 'title= ' kind=aid body=Tekst)" 422
has "  ... says which field and why" 'href="#f-title">Tittel: Må fylles ut.</a>'
is "an unknown kind: 422" "$(upload hr.jar /documents "csrf=$HR" title=T kind=poster body=Tekst)" 422
has "  ... names the kind" 'href="#f-kind">Type:'
is "an unknown cycle: 422" "$(upload hr.jar /documents "csrf=$HR" title=T kind=aid cycle_id=99999 body=Tekst)" 422
has "  ... names the cycle" 'href="#f-cycle_id">Årshjul:'
is "neither text nor file: 422" "$(upload hr.jar /documents "csrf=$HR" title=T kind=aid)" 422
has "  ... says so" 'Skriv en tekst eller last opp en fil.'
printf '%%PDF-1.4\n%%%%EOF\n' >small.pdf
is "both text and a file: 422" "$(upload hr.jar /documents "csrf=$HR" title=T kind=aid body=Tekst 'file=@small.pdf;filename=a.pdf')" 422
has "  ... says choose one" 'Velg enten tekst eller fil, ikke begge deler.'
has "  ... the typed values kept" 'value="T"'
is "  ... and nothing was written" "$(docs) $(versions)" "$C $V"

# ---- uploads ----
# a real minimal PDF, by hand
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%%%EOF\n' >mini.pdf
is "a real PDF is accepted" "$(upload hr.jar /documents "csrf=$HR" 'title=PDF-veiledning' kind=aid 'file=@mini.pdf;filename=Veiledning æøå.pdf;type=text/plain')" 303
PDFDOC=$(sql "SELECT max(id) FROM documents")
is "  ... stored as pdf with its size and SHA-256" \
	"$(sql "SELECT file_name || '|' || file_type || '|' || file_size || '|' || file_sha256 FROM document_versions WHERE document_id = $PDFDOC")" \
	"Veiledning æøå.pdf|pdf|$(wc -c <mini.pdf | tr -d ' ')|$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open("mini.pdf","rb").read()).hexdigest())')"
get emp.jar /documents/$PDFDOC >/dev/null
has "  ... the page links the download" "href=\"/documents/$PDFDOC/versions/1/file\""
curl -s -b emp.jar -D head -o got.pdf "$B/documents/$PDFDOC/versions/1/file"
cmp -s mini.pdf got.pdf
is "  ... downloaded byte-identical" "$?" 0
is "  ... as application/pdf" "$(header Content-Type)" "application/pdf"
is "  ... as an attachment with an ASCII and a UTF-8 name" "$(header Content-Disposition)" \
	"attachment; filename=\"Veiledning ___.pdf\"; filename*=UTF-8''Veiledning%20%C3%A6%C3%B8%C3%A5.pdf"
is "  ... nosniff" "$(header X-Content-Type-Options)" nosniff
case $(header Cache-Control) in *no-store*) ok "  ... not stored by caches" ;; *) not_ok "  ... not stored by caches ($(header Cache-Control))" ;; esac

python3 - <<'PY'
import zipfile
with zipfile.ZipFile("mini.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hei</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile("plain.zip", "w") as z:
    z.writestr("readme.txt", "hei")
open("exe.bin", "wb").write(b"MZ\x90\x00\x03" + bytes(200))
open("png.bin", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(100))
open("big.pdf", "wb").write(b"%PDF-1.4\n" + b"0" * (1200 * 1024))
PY
is "a real DOCX is accepted" "$(upload hr.jar /documents "csrf=$HR" title=Mal kind=aid 'file=@mini.docx;filename=Mal.docx')" 303
DOCX=$(sql "SELECT max(id) FROM documents")
curl -s -b emp.jar -D head -o got.docx "$B/documents/$DOCX/versions/1/file"
cmp -s mini.docx got.docx
is "  ... downloaded byte-identical" "$?" 0
is "  ... with the Word content type" "$(header Content-Type)" \
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"

C=$(docs); V=$(versions)
is "PNG bytes named .pdf: 422" "$(upload hr.jar /documents "csrf=$HR" title=Bilde kind=aid 'file=@png.bin;filename=bilde.pdf;type=application/pdf')" 422
has "  ... checked by content" 'Fil: Filen er ikke en PDF-, Word-, Excel- eller PowerPoint-fil'
has "  ... the file field marked invalid" 'id="f-file" name="file" accept=".pdf,.docx,.xlsx,.pptx,application/pdf" aria-invalid="true"'
is "an EXE: 422" "$(upload hr.jar /documents "csrf=$HR" title=Program kind=aid 'file=@exe.bin;filename=setup.exe')" 422
is "a ZIP that is not an Office file: 422" "$(upload hr.jar /documents "csrf=$HR" title=Zip kind=aid 'file=@plain.zip;filename=rapport.docx')" 422
has "  ... says so" 'Filen er en ZIP-fil, men ikke et Word-, Excel- eller PowerPoint-dokument.'
is "a DOCX named .pdf: 422" "$(upload hr.jar /documents "csrf=$HR" title=Feil kind=aid 'file=@mini.docx;filename=rapport.pdf')" 422
has "  ... the name and the content disagree" 'Filnavnet har en annen filtype enn innholdet.'
ST=$(upload hr.jar /documents "csrf=$HR" title=Stor kind=aid 'file=@big.pdf;filename=stor.pdf')
case $ST in 413|422) ok "a file over the 1 MB limit: $ST" ;; *) not_ok "a file over the 1 MB limit (got $ST)" ;; esac
is "  ... and none of these wrote anything" "$(docs) $(versions)" "$C $V"

is "a name with path tricks keeps only its base name" \
	"$(upload hr.jar /documents "csrf=$HR" title=Sti kind=aid 'file=@mini.pdf;filename=../../etc/passwd')" 303
is "  ... stored as passwd.pdf" "$(sql "SELECT file_name FROM document_versions WHERE document_id = (SELECT max(id) FROM documents)")" "passwd.pdf"
is "a Windows path trick too" \
	"$(upload hr.jar /documents "csrf=$HR" title=Sti2 kind=aid 'file=@mini.pdf;filename=..\\..\\x.pdf')" 303
is "  ... stored as x.pdf" "$(sql "SELECT file_name FROM document_versions WHERE document_id = (SELECT max(id) FROM documents)")" "x.pdf"
is "a download of a Markdown version is 404" "$(get emp.jar /documents/$DOC/versions/1/file)" 404

# ---- reading ----
sql "INSERT INTO read_requests (document_id, person_id, cycle_id, unit_id, requested_by, requested_at)
	VALUES ($DOC, $EMP_PERSON, $CYCLE, $EMP_UNIT, $HR_USER, 1800000000)"
REQ=$(sql "SELECT id FROM read_requests WHERE person_id = $EMP_PERSON")
OTHER_PERSON=$(sql "SELECT id FROM people WHERE unit_id = $LEAD_UNIT AND active = 1 AND id <> $EMP_PERSON ORDER BY id LIMIT 1")
sql "INSERT INTO read_requests (document_id, person_id, cycle_id, unit_id, requested_by, requested_at)
	VALUES ($DOC, $OTHER_PERSON, $CYCLE, $LEAD_UNIT, $HR_USER, 1800000000)"
OTHER_REQ=$(sql "SELECT id FROM read_requests WHERE person_id = $OTHER_PERSON")
is "GET /reading as the employee" "$(get emp.jar /reading)" 200
has "  ... the document to read" "href=\"/documents/$DOC\">&lt;script&gt;alert(1)&lt;/script&gt; Veiledning</a>"
has "  ... not read yet" '>Ikke lest</span>'
has "  ... a confirm button" 'Jeg har lest dette'
is "the employee cannot confirm another person's request (404), nothing written" \
	"$(post emp.jar /reading/$OTHER_REQ/confirm "csrf=$EMP" version=1)$(sql "SELECT count(*) FROM read_requests WHERE confirmed_at IS NOT NULL")" "4040"
is "a confirmation without a version: 400" "$(post emp.jar /reading/$REQ/confirm "csrf=$EMP")" 400
is "the employee confirms" "$(post emp.jar /reading/$REQ/confirm "csrf=$EMP" version=1)" 303
is "  ... version 1 recorded, with an audit row" \
	"$(sql "SELECT confirmed_version FROM read_requests WHERE id = $REQ")$(sql "SELECT count(*) FROM audit_log WHERE entity = 'read_request' AND entity_id = $REQ")" "11"
get emp.jar /reading >/dev/null
has "  ... shown as confirmed" '>Bekreftet</span>'

# ---- a new version asks again ----
is "a leader cannot open the new-version form" "$(get leader.jar /documents/$DOC/versions/new)" 403
is "HR adds version 2" "$(upload hr.jar /documents/$DOC/versions "csrf=$HR" 'body=Ny **tekst**')" 303
is "  ... latest version 2" "$(sql "SELECT latest_version FROM documents WHERE id = $DOC")" 2
is "an empty new version: 422" "$(upload hr.jar /documents/$DOC/versions "csrf=$HR" 'body= ')" 422
get emp.jar /reading >/dev/null
has "the employee's list says new version" '>Ny versjon</span>'
is "a confirmation of the old version is not taken" \
	"$(post emp.jar /reading/$REQ/confirm "csrf=$EMP" version=1)$(sql "SELECT confirmed_version FROM read_requests WHERE id = $REQ")" "3031"
is "GET /documents/$DOC/versions/1 shows the older version" "$(get emp.jar /documents/$DOC/versions/1)" 200
has "  ... and says so" 'Dette er en eldre versjon. Siste versjon er 2.'

# ---- the leader's view and reminders ----
is "the leader sees their unit's read status" "$(get leader.jar "/units/$LEAD_UNIT/reading?cycle=$CYCLE")" 200
has "  ... with the count" 'av'
is "the leader cannot see another unit's status" "$(get leader.jar "/units/$OTHER_UNIT/reading?cycle=$CYCLE")" 403
is "an employee cannot see a unit's status" "$(get emp.jar "/units/$EMP_UNIT/reading")" 403
is "a representative cannot either" "$(get rep.jar "/units/$LEAD_UNIT/reading")" 403
is "HR sees any unit's status" "$(get hr.jar "/units/$EMP_UNIT/reading?cycle=$CYCLE")" 200
has "  ... 0 of 1 confirmed everything (a new version came)" '0 av 1 har bekreftet alt de er bedt om å lese.'
is "an employee cannot remind, nothing written" \
	"$(post emp.jar /units/$LEAD_UNIT/reading/remind "csrf=$EMP" cycle=$CYCLE)$(sql "SELECT count(*) FROM read_requests WHERE reminded_at IS NOT NULL")" "4030"
is "the leader cannot remind another unit" "$(post leader.jar /units/$OTHER_UNIT/reading/remind "csrf=$LEADER" cycle=$CYCLE)" 403
is "HR reminds the employee's unit" "$(post hr.jar /units/$EMP_UNIT/reading/remind "csrf=$HR" cycle=$CYCLE)" 303
is "  ... marked reminded once" "$(sql "SELECT reminder_count FROM read_requests WHERE id = $REQ")" 1
get emp.jar /reading >/dev/null
has "  ... the employee sees the reminder" 'Påminnelse:'

# ---- the API ----
is "GET /api/v1/documents as an employee" "$(get emp.jar /api/v1/documents)" 200
has "  ... items" '"items":['
is "GET /api/v1/documents/$PDFDOC" "$(get emp.jar /api/v1/documents/$PDFDOC)" 200
has "  ... a download URL, no bytes" "\"download_url\":\"/documents/$PDFDOC/versions/1/file\""
api_post() {
	curl -s -b "$1" -c "$1" -D head -o body -w '%{http_code}' -H "X-CSRF-Token: $2" \
		-H 'Content-Type: application/json' --data "$4" "$B$3"
}
C=$(docs)
is "API: a leader cannot create a document" "$(api_post leader.jar "$LEADER" /api/v1/documents '{"title":"X","kind":"aid","body":"Y"}')" 403
is "API: a missing title is 422" "$(api_post hr.jar "$HR" /api/v1/documents '{"kind":"aid","body":"Y"}')" 422
has "  ... naming the field" '"field":"title"'
is "API: a bad kind is 422" "$(api_post hr.jar "$HR" /api/v1/documents '{"title":"X","kind":"film","body":"Y"}')" 422
is "  ... nothing written" "$(docs)" "$C"
is "API: a file upload is refused with where to go" \
	"$(curl -s -b hr.jar -D head -o body -w '%{http_code}' -H "X-CSRF-Token: $HR" -F 'file=@mini.pdf' "$B/api/v1/documents")" 415
has "  ... the web form" '/documents/new'
is "API: HR creates a Markdown document" "$(api_post hr.jar "$HR" /api/v1/documents '{"title":"Hjelpemiddel API","kind":"aid","body":"# Hei"}')" 201
case $(header Location) in /api/v1/documents/*) ok "  ... with a Location" ;; *) not_ok "  ... with a Location" ;; esac
is "API: GET /api/v1/reading" "$(get emp.jar /api/v1/reading)" 200
has "  ... new version" '"state":"new_version"'
is "API: confirm an old version: 422" "$(api_post emp.jar "$EMP" /api/v1/reading/$REQ/confirm '{"version":1}')" 422
is "API: confirm the latest" "$(api_post emp.jar "$EMP" /api/v1/reading/$REQ/confirm '{"version":2}')" 200
has "  ... confirmed" '"state":"confirmed"'
is "API: another person's request is 404" "$(api_post emp.jar "$EMP" /api/v1/reading/$OTHER_REQ/confirm '{"version":2}')" 404

# ---- a closed cycle is read-only ----
sql "UPDATE cycles SET status = 'closed' WHERE id = $CYCLE"
V=$(versions)
is "a new version of a document in a closed cycle: 409" "$(upload hr.jar /documents/$DOC/versions "csrf=$HR" body=Mer)" 409
has "  ... says why" 'Årshjulet er avsluttet'
is "  ... nothing written" "$(versions)" "$V"
is "a confirmation in a closed cycle: 409" "$(post leader.jar /reading/$OTHER_REQ/confirm "csrf=$LEADER" version=2)" 409
is "a reminder in a closed cycle: 409" "$(post hr.jar /units/$EMP_UNIT/reading/remind "csrf=$HR" cycle=$CYCLE)" 409

echo "1..$N"
[ "$FAILED" -eq 0 ]
