-- 011_content_generation: one counter, content_generation.n, that every
-- transaction writing content changes, kept by triggers so that every
-- writer (evne serve, import, demo, copy, an operator in psql) keeps it
-- right without knowing of it; the same table as schema/sqlite/011. A
-- response cache labels each page with the counter read first in the
-- request's snapshot and serves it only while the counter is unchanged
-- (store_content_generation).
-- Unlike SQLite's per-row triggers, the counter is bumped once per
-- transaction, at COMMIT: the triggers are constraint triggers, deferred,
-- and the function skips the UPDATE once the transaction-local setting
-- evne.content_bumped says it was done. An UPDATE at each write would lock
-- the counter row from a transaction's first write to its end, so writers
-- would take turns from then on, and two could deadlock (one holding the
-- counter and waiting for a row the other holds, the other waiting for the
-- counter). At COMMIT a transaction has no statement left to wait on.
-- TRUNCATE (an operator's; evne copy --force) fires no row triggers, so
-- each table also has a statement-level trigger for it, which bumps at once.
-- Not counted: sessions (read on every request anyway; a log-in must not
-- empty the cache), login_failures (rate limiting), person_words (derived
-- from people and always written with them in one transaction),
-- content_generation itself and schema_migrations. A table a later
-- migration adds needs both triggers too (tests/unit/
-- test_store_generation.c fails and names the table otherwise).
CREATE TABLE content_generation (
	id bigint PRIMARY KEY CHECK (id = 1),
	n bigint NOT NULL
);
INSERT INTO content_generation (id, n) VALUES (1, 0);

-- Not about the counter, but the same round of issue 6: the read
-- confirmations' grouped pass (store/prepare.c, SQL_PREP_READ_COUNTS) reads
-- a cycle's requests grouped by person. With this index it reads them from
-- the index alone and already in person order (no read of the rows, no
-- sort for the GROUP BY): in SQLite 0.32 -> 0.18 s of CPU for 200 000 requests.
CREATE INDEX read_requests_cycle_person ON read_requests (cycle_id, person_id, document_id, confirmed_version);

CREATE FUNCTION evne_bump_content_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('evne.content_bumped', true), '') <> 'y' THEN
		UPDATE content_generation SET n = n + 1 WHERE id = 1;
		PERFORM set_config('evne.content_bumped', 'y', true);
	END IF;
	RETURN NULL;
END
$$;

-- Two triggers per table: cg_<table> (rows, at COMMIT) and cg_<table>_t (TRUNCATE).
CREATE CONSTRAINT TRIGGER cg_api_tokens AFTER INSERT OR UPDATE OR DELETE ON api_tokens
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_api_tokens_t AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_audit_log AFTER INSERT OR UPDATE OR DELETE ON audit_log
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_audit_log_t AFTER TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_competence_areas AFTER INSERT OR UPDATE OR DELETE ON competence_areas
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_competence_areas_t AFTER TRUNCATE ON competence_areas FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_competence_needs AFTER INSERT OR UPDATE OR DELETE ON competence_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_competence_needs_t AFTER TRUNCATE ON competence_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_competences AFTER INSERT OR UPDATE OR DELETE ON competences
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_competences_t AFTER TRUNCATE ON competences FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_consultation_files AFTER INSERT OR UPDATE OR DELETE ON consultation_files
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_consultation_files_t AFTER TRUNCATE ON consultation_files FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_consultations AFTER INSERT OR UPDATE OR DELETE ON consultations
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_consultations_t AFTER TRUNCATE ON consultations FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_cycle_phases AFTER INSERT OR UPDATE OR DELETE ON cycle_phases
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_cycle_phases_t AFTER TRUNCATE ON cycle_phases FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_cycles AFTER INSERT OR UPDATE OR DELETE ON cycles
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_cycles_t AFTER TRUNCATE ON cycles FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_measure_needs AFTER INSERT OR UPDATE OR DELETE ON decided_measure_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_measure_needs_t AFTER TRUNCATE ON decided_measure_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_measure_sources AFTER INSERT OR UPDATE OR DELETE ON decided_measure_sources
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_measure_sources_t AFTER TRUNCATE ON decided_measure_sources FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_measures AFTER INSERT OR UPDATE OR DELETE ON decided_measures
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_measures_t AFTER TRUNCATE ON decided_measures FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_need_goals AFTER INSERT OR UPDATE OR DELETE ON decided_need_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_need_goals_t AFTER TRUNCATE ON decided_need_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_need_sources AFTER INSERT OR UPDATE OR DELETE ON decided_need_sources
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_need_sources_t AFTER TRUNCATE ON decided_need_sources FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_needs AFTER INSERT OR UPDATE OR DELETE ON decided_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_needs_t AFTER TRUNCATE ON decided_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_version_measures AFTER INSERT OR UPDATE OR DELETE ON decided_version_measures
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_version_measures_t AFTER TRUNCATE ON decided_version_measures FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_version_needs AFTER INSERT OR UPDATE OR DELETE ON decided_version_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_version_needs_t AFTER TRUNCATE ON decided_version_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decided_versions AFTER INSERT OR UPDATE OR DELETE ON decided_versions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decided_versions_t AFTER TRUNCATE ON decided_versions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_decisions AFTER INSERT OR UPDATE OR DELETE ON decisions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_decisions_t AFTER TRUNCATE ON decisions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_discussion_attendance AFTER INSERT OR UPDATE OR DELETE ON discussion_attendance
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_discussion_attendance_t AFTER TRUNCATE ON discussion_attendance FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_discussion_notes AFTER INSERT OR UPDATE OR DELETE ON discussion_notes
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_discussion_notes_t AFTER TRUNCATE ON discussion_notes FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_discussion_suggestions AFTER INSERT OR UPDATE OR DELETE ON discussion_suggestions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_discussion_suggestions_t AFTER TRUNCATE ON discussion_suggestions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_document_versions AFTER INSERT OR UPDATE OR DELETE ON document_versions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_document_versions_t AFTER TRUNCATE ON document_versions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_documents AFTER INSERT OR UPDATE OR DELETE ON documents
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_documents_t AFTER TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_measure_needs AFTER INSERT OR UPDATE OR DELETE ON measure_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_measure_needs_t AFTER TRUNCATE ON measure_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_need_goals AFTER INSERT OR UPDATE OR DELETE ON need_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_need_goals_t AFTER TRUNCATE ON need_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_need_unit_goals AFTER INSERT OR UPDATE OR DELETE ON need_unit_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_need_unit_goals_t AFTER TRUNCATE ON need_unit_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_people AFTER INSERT OR UPDATE OR DELETE ON people
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_people_t AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_phase_texts AFTER INSERT OR UPDATE OR DELETE ON phase_texts
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_phase_texts_t AFTER TRUNCATE ON phase_texts FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_prep_draft_needs AFTER INSERT OR UPDATE OR DELETE ON prep_draft_needs
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_prep_draft_needs_t AFTER TRUNCATE ON prep_draft_needs FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_prep_pack_documents AFTER INSERT OR UPDATE OR DELETE ON prep_pack_documents
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_prep_pack_documents_t AFTER TRUNCATE ON prep_pack_documents FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_prep_ticks AFTER INSERT OR UPDATE OR DELETE ON prep_ticks
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_prep_ticks_t AFTER TRUNCATE ON prep_ticks FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_preparations AFTER INSERT OR UPDATE OR DELETE ON preparations
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_preparations_t AFTER TRUNCATE ON preparations FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_proposed_measures AFTER INSERT OR UPDATE OR DELETE ON proposed_measures
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_proposed_measures_t AFTER TRUNCATE ON proposed_measures FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_read_requests AFTER INSERT OR UPDATE OR DELETE ON read_requests
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_read_requests_t AFTER TRUNCATE ON read_requests FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_scale_levels AFTER INSERT OR UPDATE OR DELETE ON scale_levels
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_scale_levels_t AFTER TRUNCATE ON scale_levels FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategic_goals AFTER INSERT OR UPDATE OR DELETE ON strategic_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategic_goals_t AFTER TRUNCATE ON strategic_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategy_goals AFTER INSERT OR UPDATE OR DELETE ON strategy_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategy_goals_t AFTER TRUNCATE ON strategy_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategy_indicator_values AFTER INSERT OR UPDATE OR DELETE ON strategy_indicator_values
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategy_indicator_values_t AFTER TRUNCATE ON strategy_indicator_values FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategy_indicators AFTER INSERT OR UPDATE OR DELETE ON strategy_indicators
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategy_indicators_t AFTER TRUNCATE ON strategy_indicators FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategy_main_goals AFTER INSERT OR UPDATE OR DELETE ON strategy_main_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategy_main_goals_t AFTER TRUNCATE ON strategy_main_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_strategy_versions AFTER INSERT OR UPDATE OR DELETE ON strategy_versions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_strategy_versions_t AFTER TRUNCATE ON strategy_versions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_unit_discussions AFTER INSERT OR UPDATE OR DELETE ON unit_discussions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_unit_discussions_t AFTER TRUNCATE ON unit_discussions FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_unit_goals AFTER INSERT OR UPDATE OR DELETE ON unit_goals
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_unit_goals_t AFTER TRUNCATE ON unit_goals FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_units AFTER INSERT OR UPDATE OR DELETE ON units
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_units_t AFTER TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
CREATE CONSTRAINT TRIGGER cg_users AFTER INSERT OR UPDATE OR DELETE ON users
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evne_bump_content_generation();
CREATE TRIGGER cg_users_t AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION evne_bump_content_generation();
