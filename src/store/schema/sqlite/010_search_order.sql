-- 010_search_order: the name words of person_words in name order within
-- each word, so a search reads each matching word's first rows by name and
-- merges them (store/people.c, search_merge) instead of reading and
-- sorting every match of a short prefix. Partial: only kind 'n' words are
-- merged (an e-mail address or employee number is one word per person).
-- active and unit_id are in the key so the runs read the index alone.
CREATE INDEX person_words_name_order ON person_words (word, name_key, person_id, active, unit_id)
	WHERE kind = 'n';
