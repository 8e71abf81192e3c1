-- The tokenizer of the search index, used at index time and at query time alike.
-- Lower case, accents folded, possessives dropped ("Xi's" -> "xi"), digit-grouping commas removed
-- ("1,500,000" -> "1500000"), tokens are runs of Unicode letters and digits with an optional
-- decimal part ("4.5"), English stop words dropped (tw_is_stopword). No stemming.
-- The token pattern is "not space, not punctuation" rather than \p{L}\p{N}: the same tokens for
-- letters of any script, and 5x cheaper to compile (the shell compiles it on every query).
-- tw_is_stopword(t): an IN list of literals. list_contains on a list, per token, made tokenizing
-- ~1.3x slower (8,393 Reuters sentences, medians of 5: 160 against 123 ms on one core).
CREATE OR REPLACE MACRO tw_is_stopword(t) AS t IN (
    'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'has', 'have', 'he',
    'her', 'his', 'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'she', 'that', 'the', 'their',
    'there', 'they', 'this', 'to', 'was', 'we', 'were', 'which', 'will', 'with', 'would', 'you'
);
CREATE OR REPLACE MACRO tw_tokens(q) AS list_filter(
    regexp_extract_all(
        lower(strip_accents(
            regexp_replace(regexp_replace(regexp_replace(coalesce(q, ''), '[''’]s\b', '', 'g'),
                                          '(\d),(\d\d\d)', '\1\2', 'g'),
                           '(\d),(\d\d\d)', '\1\2', 'g'))),
        '[0-9]+\.[0-9]+|[^\s!-/:-@\[-`{-~¡-¿‐-‧‰-⁞—–“”‘’…«»·•€£¥]+'),
    t -> NOT tw_is_stopword(t));
