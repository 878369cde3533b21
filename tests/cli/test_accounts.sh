#!/bin/sh
# test_accounts.sh — account administration and the user's own account page
# over real HTTP (product.md, "Who uses it": the administrator manages users
# and roles; contract.md: roles, log-in, CSRF on every form, 429 for too
# many attempts). Starts `evne serve` on a free port with a demo database
# and checks: the account list in Norwegian order and who may see it; a new
# account with a one-time password shown once that logs in, stored as
# argon2id and never audited; the form's problems (required, e-mail, taken
# address, unknown and already linked person) writing nothing; hostile names
# escaped; a role change and a deactivation that end the user's sessions; an
# administrator who cannot demote or deactivate themselves; a password reset
# behind a confirmation; the own account page and its password change (wrong
# current password counted as a failed log-in, rules, other sessions ended,
# this one kept) and its rate limit. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=accounts
. "$(dirname "$0")/lib.sh"

# ---- a database and a server ----
start_server --units 5 --people 30 --seed 3
ADMIN_PASS=$(pass_of admin)
EMP_PASS=$(pass_of employee)
FREE=$(sql "SELECT employee_number FROM people WHERE active = 1 AND id NOT IN
	(SELECT person_id FROM users WHERE person_id IS NOT NULL) ORDER BY id LIMIT 1")
LINKED=$(sql "SELECT p.employee_number FROM people p JOIN users u ON u.person_id = p.id
	WHERE u.email = 'hr@demo.evne.no'")

# one_time — the one-time password shown in the last response body.
one_time() {
	sed -n 's/.*id="f-one-time"[^>]*value="\([^"]*\)".*/\1/p' body | head -n 1
}

ADMIN=$(login admin.jar admin@demo.evne.no "$ADMIN_PASS")
[ -n "$ADMIN" ] || fail_all "admin log-in"
EMP=$(login emp.jar ansatt@demo.evne.no "$EMP_PASS")
[ -n "$EMP" ] || fail_all "employee log-in"
ADMIN_ID=$(sql "SELECT id FROM users WHERE email = 'admin@demo.evne.no'")

echo "1..70"

# ---- the list and who may see it ----
is "GET /admin/users as admin" "$(get admin.jar /admin/users)" 200
has "  ... a New account button" '<a class="ds-button" data-variant="primary" href="/admin/users/new">Ny konto</a>'
has "  ... names link to the edit form" "<a class=\"ds-link\" href=\"/admin/users/$ADMIN_ID/edit\">Systemadministrator</a>"
has "  ... roles in words" '<td>Tillitsvalgt</td>'
has "  ... the linked person links to /people/{id}" '<td><a class="ds-link" href="/people/'
has "  ... an active badge" '<span class="ds-tag" data-color="success">Aktiv</span>'
is "an employee gets 403 for the list" "$(get emp.jar /admin/users)" 403
is "  ... for the form" "$(get emp.jar /admin/users/new)" 403
COUNT=$(sql "SELECT count(*) FROM users")
is "  ... and for a create, which writes nothing" \
	"$(post emp.jar /admin/users csrf="$EMP" name=X email=x@example.no role=admin)$(sql 'SELECT count(*) FROM users')" \
	"403$COUNT"
is "not logged in: to the log-in page" \
	"$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$B/admin/users")" "303 $B/login?next=%2Fadmin%2Fusers"

# ---- create ----
is "GET /admin/users/new" "$(get admin.jar /admin/users/new)" 200
has "  ... a role select of the six roles" '<option value="employee" selected>Medarbeider</option><option value="leader">Leder</option><option value="hr">HR</option><option value="management">Toppledelse</option><option value="representative">Tillitsvalgt</option><option value="admin">Administrator</option>'
lacks "  ... and no password field" 'type="password"'
is "create an account" "$(post admin.jar /admin/users csrf="$ADMIN" name='Øystein Ås' \
	email='Oystein.As@Example.NO' role=leader employee_number="$FREE" lang=nn)" 200
has "  ... says it is created" 'Kontoen til «Øystein Ås» er opprettet'
has "  ... and that the password is shown once" 'Passordet vises bare denne ene gangen.'
PW=$(one_time)
[ ${#PW} -ge 14 ]
is "  ... a one-time password of 14 characters or more" "$? ${#PW}" "0 ${#PW}"
is "  ... stored folded, linked, argon2id" \
	"$(sql "SELECT role || ' ' || lang || ' ' || (person_id IS NOT NULL) || ' ' || (password_hash LIKE '\$argon2id\$%')
		FROM users WHERE email = 'oystein.as@example.no'")" "leader nn 1 1"
NEW_ID=$(sql "SELECT id FROM users WHERE email = 'oystein.as@example.no'")
is "  ... audited as create by the admin" \
	"$(sql "SELECT action || ' ' || user_id FROM audit_log WHERE entity = 'user' AND entity_id = $NEW_ID")" \
	"create $ADMIN_ID"
NEW=$(login new.jar oystein.as@example.no "$PW")
[ -n "$NEW" ]
is "  ... the one-time password logs in" "$?" 0
get admin.jar /admin/users >/dev/null
is "the list in Norwegian order (Ø after S and T)" \
	"$(grep -o 'href="/admin/users/[0-9]*/edit">[^<]*<' body | sed 's/.*">//; s/<$//' | tr '\n' '|')" \
	"Bjørg Jakobsen|Frode Aas|Kjetil Bakken|Rune Bøe|Systemadministrator|Tomas Stankevičius|Øystein Ås|"

# ---- the form's problems ----
COUNT=$(sql "SELECT count(*) FROM users")
is "empty name and a bad e-mail address: 422" \
	"$(post admin.jar /admin/users csrf="$ADMIN" name=' ' email=nope role=hr)" 422
has "  ... the name required" '<a class="ds-link" href="#f-name">Navn: Må fylles ut.</a>'
has "  ... the e-mail address invalid" '<a class="ds-link" href="#f-email">E-postadresse: Skriv en gyldig e-postadresse'
is "a taken address (in other case): 422" \
	"$(post admin.jar /admin/users csrf="$ADMIN" name=Ny email=OYSTEIN.AS@example.no role=hr)" 422
has "  ... taken" '<a class="ds-link" href="#f-email">E-postadresse: Verdien er allerede i bruk.</a>'
is "an unknown employee number: 422" \
	"$(post admin.jar /admin/users csrf="$ADMIN" name=Ny email=ny@example.no role=hr employee_number=nope-999)" 422
has "  ... unknown" 'Ansattnummer til personen: Det du viser til, finnes ikke.'
is "a person linked to another account: 422" \
	"$(post admin.jar /admin/users csrf="$ADMIN" name=Ny email=ny@example.no role=hr employee_number="$LINKED")" 422
has "  ... taken" 'Ansattnummer til personen: Verdien er allerede i bruk.'
has "  ... the typed values kept" 'value="ny@example.no"'
is "an unknown role: 422" "$(post admin.jar /admin/users csrf="$ADMIN" name=Ny email=ny@example.no role=root)" 422
is "  ... none of these wrote anything" "$(sql 'SELECT count(*) FROM users')" "$COUNT"
is "no CSRF token: 403" "$(post admin.jar /admin/users name=Ny email=ny@example.no role=hr)" 403
post admin.jar /admin/users csrf="$ADMIN" name='"><img src=x onerror=alert(1)>' email=evil@example.no role=employee >/dev/null
get admin.jar /admin/users >/dev/null
has "a hostile name is escaped in the list" '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>'
lacks "  ... and never raw" '<img src=x'

# ---- edit: role change and deactivation end sessions ----
is "GET /admin/users/{id}/edit" "$(get admin.jar /admin/users/$NEW_ID/edit)" 200
has "  ... the linked person's number filled in" "value=\"$FREE\""
has "  ... a link to the password reset" "href=\"/admin/users/$NEW_ID/reset\""
is "change the role" "$(post admin.jar /admin/users/$NEW_ID csrf="$ADMIN" name='Øystein Ås' role=hr \
	employee_number="$FREE" lang=nn active=1)" 303
is "  ... stored and audited" \
	"$(sql "SELECT role FROM users WHERE id = $NEW_ID"; sql "SELECT changes FROM audit_log WHERE entity = 'user' AND entity_id = $NEW_ID AND action = 'update'")" \
	"$(printf 'hr\n{"role":["leader","hr"]}')"
is "  ... the user's session has ended" "$(get new.jar /account)" 303
NEW=$(login new.jar oystein.as@example.no "$PW")
is "deactivate" "$(post admin.jar /admin/users/$NEW_ID csrf="$ADMIN" name='Øystein Ås' role=hr \
	employee_number="$FREE" lang=nn)" 303
is "  ... audited as deactivate" \
	"$(sql "SELECT changes FROM audit_log WHERE entity = 'user' AND entity_id = $NEW_ID AND action = 'deactivate'")" \
	'{"active":[true,false]}'
is "  ... the session has ended" "$(get new.jar /account)" 303
is "  ... and the account cannot log in" "$(login new.jar oystein.as@example.no "$PW")" ""
is "the admin cannot demote themselves: 422" \
	"$(post admin.jar /admin/users/$ADMIN_ID csrf="$ADMIN" name=Systemadministrator role=hr active=1 lang=nb)" 422
has "  ... not allowed" '<a class="ds-link" href="#f-role">Rolle: Du har ikke lov til å gjøre dette.</a>'
is "  ... nor deactivate themselves" \
	"$(post admin.jar /admin/users/$ADMIN_ID csrf="$ADMIN" name=Systemadministrator role=admin lang=nb)" 422
is "  ... still an active admin" "$(sql "SELECT role || active FROM users WHERE id = $ADMIN_ID")" "admin1"

# ---- password reset ----
EMP_ID=$(sql "SELECT id FROM users WHERE email = 'ansatt@demo.evne.no'")
is "GET the reset confirmation" "$(get admin.jar /admin/users/$EMP_ID/reset)" 200
has "  ... a form posting back" "action=\"/admin/users/$EMP_ID/reset\""
is "POST the reset" "$(post admin.jar /admin/users/$EMP_ID/reset csrf="$ADMIN")" 200
PW2=$(one_time)
is "  ... the employee's session has ended" "$(get emp.jar /account)" 303
is "  ... the old password no longer works" "$(login emp.jar ansatt@demo.evne.no "$EMP_PASS")" ""
EMP=$(login emp.jar ansatt@demo.evne.no "$PW2")
is "  ... the new one does; audited without secrets" \
	"$([ -n "$EMP" ] && echo in) $(sql "SELECT changes FROM audit_log WHERE entity_id = $EMP_ID AND action = 'password_reset'")" "in {}"

# ---- the own account page and the password change ----
is "GET /account as the employee" "$(get emp.jar /account)" 200
has "  ... the e-mail address" '<dd>ansatt@demo.evne.no</dd>'
has "  ... current-password and new-password fields" 'name="current_password" autocomplete="current-password"'
login emp2.jar ansatt@demo.evne.no "$PW2" >/dev/null
FAILS=$(sql "SELECT count(*) FROM login_failures WHERE key = 'acct:ansatt@demo.evne.no'")
is "a wrong current password: 422" "$(post emp.jar /account/password csrf="$EMP" current_password=wrong-password \
	new_password=en-lang-setning new_password_confirm=en-lang-setning)" 422
has "  ... said at the field" '<p class="ds-validation-message" id="f-current_password-error">Passordet er feil.</p>'
is "  ... counted as a failed log-in" \
	"$(sql "SELECT count(*) FROM login_failures WHERE key = 'acct:ansatt@demo.evne.no'")" "$((FAILS + 1))"
post emp.jar /account/password csrf="$EMP" current_password="$PW2" new_password=kort new_password_confirm=annen >/dev/null
has "too short and not repeated alike" 'Nytt passord: Passordet må ha minst 10 tegn.</a></li><li><a class="ds-link" href="#f-new_password_confirm">Gjenta nytt passord: De to nye passordene er ikke like.'
post emp.jar /account/password csrf="$EMP" current_password="$PW2" new_password="$PW2" new_password_confirm="$PW2" >/dev/null
has "the same as the current one" 'Det nye passordet må være et annet enn det nåværende.'
is "a good change: 303 to /account" "$(post emp.jar /account/password csrf="$EMP" current_password="$PW2" \
	new_password='tre ord og en vaffel' new_password_confirm='tre ord og en vaffel')" 303
is "  ... this session is kept, with the message" "$(get emp.jar /account)$(grep -c 'Passordet er endret.' body)" 2001
is "  ... the other session has ended" "$(get emp2.jar /account)" 303
is "  ... the new password logs in; audited without secrets" \
	"$([ -n "$(login emp2.jar ansatt@demo.evne.no 'tre ord og en vaffel')" ] && echo in) $(sql "SELECT changes FROM audit_log WHERE entity_id = $EMP_ID AND action = 'password_change'")" \
	"in {}"
for i in 1 2 3 4 5 6; do
	post emp.jar /account/password csrf="$EMP" current_password=wrong-again new_password=x new_password_confirm=x >/dev/null
done
is "too many wrong current passwords: 429" "$(post emp.jar /account/password csrf="$EMP" \
	current_password='tre ord og en vaffel' new_password=ny-og-lang-nok new_password_confirm=ny-og-lang-nok)" 429
is "no audit row holds a password hash" "$(sql "SELECT count(*) FROM audit_log WHERE changes LIKE '%argon2%'")" 0

[ "$FAILED" -eq 0 ]
