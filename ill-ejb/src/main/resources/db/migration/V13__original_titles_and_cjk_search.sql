-- Titles in their original script (MARC 880), e.g. 红楼梦 for Dream of the Red Chamber, and search of Chinese,
-- Japanese and Korean text as readers type it, without spaces between words. PostgreSQL's parser does not segment
-- such text (and whether it sees letters in it depends on the server's locale), so each run of CJK characters is
-- also indexed as its single characters and overlapping pairs (bigrams), written as ASCII tokens: 红楼梦 gives
-- cjk7ea2 cjk697c cjk68a6 cjk7ea2x697c cjk697cx68a6. CatalogueSearch turns the CJK runs of a query into the same
-- tokens (its pairs, or the single character), so 红楼梦 and 红楼 both find the record.
ALTER TABLE bib_record ADD COLUMN original_title varchar(1000);

CREATE FUNCTION cjk_grams(source text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    grams    text := '';
    previous integer := 0;
    code     integer;
BEGIN
    IF source !~ '[぀-ヿ㐀-鿿豈-﫿가-힯𠀀-𲎯]' THEN
        RETURN ''; -- most text has none: checked at once, not character by character
    END IF;
    FOR i IN 1 .. char_length(source) LOOP
        code := ascii(substr(source, i, 1));
        IF code BETWEEN 13312 AND 40959      -- CJK unified ideographs and extension A
           OR code BETWEEN 63744 AND 64255   -- CJK compatibility ideographs
           OR code BETWEEN 12352 AND 12543   -- hiragana, katakana
           OR code BETWEEN 44032 AND 55215   -- hangul syllables
           OR code BETWEEN 131072 AND 205743 -- CJK extensions B to F
        THEN
            grams := grams || ' cjk' || to_hex(code);
            IF previous > 0 THEN
                grams := grams || ' cjk' || to_hex(previous) || 'x' || to_hex(code);
            END IF;
            previous := code;
        ELSE
            previous := 0;
        END IF;
    END LOOP;
    RETURN grams;
END
$$;

ALTER TABLE bib_record DROP COLUMN search;
ALTER TABLE bib_record ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(original_title, '') || ' '
                                                 || coalesce(subtitle, '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(cjk_grams(title), '') || ' '
                                                 || coalesce(cjk_grams(original_title), '') || ' '
                                                 || coalesce(cjk_grams(subtitle), '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(authors, '') || ' ' || coalesce(cjk_grams(authors), '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(subjects, '') || ' ' || coalesce(cjk_grams(subjects), '')), 'C') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(isbn, '') || ' ' || coalesce(issn, '') || ' ' ||
                                                 coalesce(control_number, '')), 'A')
) STORED;
CREATE INDEX bib_record_search_idx ON bib_record USING gin (search);

-- The demo network's Chinese classic carries its original title (a database without it is left as it is).
UPDATE bib_record SET original_title = '红楼梦' WHERE control_number = 'demo-honglou' AND original_title IS NULL;
