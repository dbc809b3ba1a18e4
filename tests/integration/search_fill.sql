-- A register of :n customers made in SQL (seconds, where `kkdesk demo` takes minutes), for
-- the search plan test and the "Search plans" figures in docs/central-database.md. Names
-- are made of syllables (about 12,000 surnames), every tenth customer is a company with a
-- valid business ID and a contact person, phones are E.164, about 3,000 postal codes, most
-- customers have an e-mail address and one in two of those a suppression entry. Search
-- words are made the way kkdesk.domain.search.search_words makes them (ASCII names here,
-- so lower() is the fold). Run by the superuser in a new database, with the triggers off
-- (session_replication_role): no audit rows, and the numbers are made here, as
-- kkdesk_customer_row() makes them (base 100000 + id, Luhn check digit).
SET LOCAL session_replication_role = replica;

CREATE TEMP TABLE fill_src ON COMMIT DROP AS
SELECT i,
       i % 10 = 0 AS company,
       initcap((ARRAY['vir','kor','mak','nie','hei','laa','lei','saa','joh','kos',
                      'mus','hal','lin','kal','pel','tur','ran','sal','lah','lau',
                      'kiv','jar','suo','kor','ahl','ber','lun','sto','wes','hak',
                      'vai','ket','hyv','kar','pek','ols','eri'])[1 + i % 37]
               || (ARRAY['ta','ke','ri','mi','lo','hu','va','ne','sa','ko','pa','ju',
                         'ra','ti','mo','le','ka','no','si','hi','ro','ma','ve','to',
                         'lu','pi','da','go','ba'])[1 + (i / 37) % 29]
               || (ARRAY['nen','la','la','inen','sto','ala','mo','nen','vaara','niemi',
                         'berg'])[1 + (i / 1073) % 11]) AS surname,
       (ARRAY['Matti','Maria','Juha','Anna','Timo','Helena','Mikko','Johanna','Jari',
              'Liisa','Pekka','Sari','Antti','Tuula','Kari','Elina','Ville','Aino',
              'Eero','Laura','Olli','Kirsi','Sami','Noora'])[1 + (i / 7) % 24] AS first,
       (ARRAY['Mannerheimintie','Hameentie','Kotkankatu','Aleksanterinkatu','Rantatie',
              'Koulukatu','Kirkkokatu','Puistotie','Myllytie','Asemakatu','Satamakatu',
              'Torikatu','Jokikatu','Metsatie','Kauppakatu'])[1 + (i / 3) % 15]
         || ' ' || (1 + i % 90) AS street,
       lpad((100 + (i % 3001) * 33)::text, 5, '0') AS postal,
       (ARRAY['HELSINKI','ESPOO','TAMPERE','VANTAA','OULU','TURKU','JYVASKYLA','LAHTI',
              'KUOPIO','PORI','JOENSUU','LAPPEENRANTA','VAASA','KOTKA','MIKKELI'])
         [1 + (i % 3001) % 15] AS office,
       (1000000 + i)::text AS body
FROM generate_series(1, :n) AS i;

INSERT INTO customer (id, number, type, customer_since, surname, first_names, company_name,
                      business_id, street, postal_code, post_office, country, phone_home,
                      phone_work, phone_mobile, email, language, notes, extra, name_key,
                      name_key_rev, email_key, created_at, created_by, updated_at,
                      updated_by, version)
SELECT i, (100000 + i)::text || luhn, CASE WHEN company THEN 'company' ELSE 'person' END,
       date '2000-01-01' + i % 8000,
       CASE WHEN company THEN '' ELSE surname END,
       CASE WHEN company THEN '' ELSE first END,
       CASE WHEN company THEN surname || ' ' || (ARRAY['Rakennus','Kuljetus','Konepaja',
                 'Tilitoimisto','Kukka','Sahko','Auto','Leipomo'])[1 + i % 8] || ' Oy'
            ELSE '' END,
       CASE WHEN company AND check_digit <> 1
            THEN body || '-' || CASE WHEN check_digit = 0 THEN 0 ELSE 11 - check_digit END
            ELSE '' END,
       street, postal, office, 'FI',
       CASE WHEN i % 3 = 0 THEN '+3589' || (1000000 + i)::text ELSE '' END,
       CASE WHEN i % 5 = 0 THEN '+35850' || lpad(i::text, 7, '0') ELSE '' END,
       CASE WHEN NOT company THEN '+35840' || lpad(i::text, 7, '0') ELSE '' END,
       email, 'fi', '', '{}', key, key_rev, lower(email), now(), 'fill', now(), 'fill', 1
FROM fill_src,
     LATERAL (SELECT (substr(body, 1, 1)::int * 7 + substr(body, 2, 1)::int * 9
                      + substr(body, 3, 1)::int * 10 + substr(body, 4, 1)::int * 5
                      + substr(body, 5, 1)::int * 8 + substr(body, 6, 1)::int * 4
                      + substr(body, 7, 1)::int * 2) % 11 AS check_digit) AS c,
     LATERAL (SELECT ((10 - sum(CASE WHEN k % 2 = 0 THEN d WHEN d * 2 > 9 THEN d * 2 - 9
                                     ELSE d * 2 END) % 10) % 10)::text AS luhn
              FROM (SELECT k, substr(b, length(b) - k + 1, 1)::int AS d
                    FROM (SELECT (100000 + i)::text AS b) AS n,
                         generate_series(1, length((100000 + i)::text)) AS k) AS digits
             ) AS l,
     LATERAL (SELECT CASE WHEN i % 10 < 7 THEN lower(first) || '.' || lower(surname) || i
                               || '@example.fi' ELSE '' END AS email) AS e,
     LATERAL (SELECT CASE WHEN company
                          THEN lower(surname || ' ' || (ARRAY['Rakennus','Kuljetus',
                               'Konepaja','Tilitoimisto','Kukka','Sahko','Auto',
                               'Leipomo'])[1 + i % 8] || ' oy')
                          ELSE lower(surname || ' ' || first) END AS key,
                     CASE WHEN company
                          THEN lower(surname || ' ' || (ARRAY['Rakennus','Kuljetus',
                               'Konepaja','Tilitoimisto','Kukka','Sahko','Auto',
                               'Leipomo'])[1 + i % 8] || ' oy')
                          ELSE lower(first || ' ' || surname) END AS key_rev) AS k
ORDER BY i;
SELECT setval(pg_get_serial_sequence('customer', 'id'), (SELECT max(id) FROM customer));

INSERT INTO contact_person (customer_id, surname, first_names, role, phone_work,
                            phone_mobile, email, email_key, name_key, name_key_rev)
SELECT c.id, s.surname, s.first, 'toimitusjohtaja', '+35850' || lpad((s.i + 1)::text, 7, '0'),
       '+35844' || lpad(s.i::text, 7, '0'), 'cp' || s.i || '@example.com',
       'cp' || s.i || '@example.com', lower(s.surname || ' ' || s.first),
       lower(s.first || ' ' || s.surname)
FROM fill_src s JOIN customer c ON c.id = s.i
WHERE s.company;

-- Search words: the later words of a name, every word of a street, post office and
-- contact person's name (two letters or more, not a number).
INSERT INTO search_word (customer_id, kind, ref, word, sort_key, phrase)
SELECT DISTINCT ON (customer_id, kind, ref, word) customer_id, kind, ref, word, sort_key,
       phrase
FROM (
    SELECT c.id AS customer_id, 'name' AS kind, 0 AS ref, w.word, c.name_key AS sort_key,
           c.name_key AS phrase
    FROM customer c, unnest(string_to_array(c.name_key, ' ')) WITH ORDINALITY AS w(word, n)
    WHERE w.n > 1 AND w.word <> split_part(c.name_key_rev, ' ', 1)
    UNION ALL
    SELECT c.id, 'street', 0, w.word, c.name_key, lower(c.street)
    FROM customer c, unnest(string_to_array(lower(c.street), ' ')) AS w(word)
    UNION ALL
    SELECT c.id, 'post_office', 0, lower(c.post_office), c.name_key, lower(c.post_office)
    FROM customer c
    UNION ALL
    SELECT p.customer_id, 'contact', p.id, w.word, c.name_key, p.name_key
    FROM contact_person p JOIN customer c ON c.id = p.customer_id,
         unnest(string_to_array(p.name_key, ' ')) AS w(word)
) AS words
WHERE length(word) >= 2 AND word !~ '^[0-9]+$';

INSERT INTO suppression (key_kind, key_value, item, active, created_at, created_by)
SELECT 'email', email_key, 'email_marketing', true, now(), 'fill'
FROM customer WHERE email_key <> '' AND id % 2 = 0
UNION ALL
SELECT 'phone', phone_mobile, 'direct_marketing', id % 4 <> 0, now(), 'fill'
FROM customer WHERE phone_mobile <> '' AND id % 3 = 0;
