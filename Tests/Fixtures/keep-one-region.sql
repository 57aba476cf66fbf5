-- Turns a copy of a laogan database into one region's own file, as a county bureau would keep it: the
-- records of the region in temp.keep_region(code), and the bureau's hardship fund with 州直 (522300).
-- temp.keep_part(parts, bucket) splits the region further, for the benchmark's ninety files: its cadres
-- whose id % parts = bucket, its organizations, events and fund in bucket 0 only; (1, 0) keeps it whole.
-- Used by the roll-up test and Benchmarks/run.sh to split one database into counties' files.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP VIEW elsewhere AS
  SELECT code FROM region WHERE code NOT IN (SELECT code FROM temp.keep_region)
  UNION ALL SELECT code FROM region WHERE (SELECT bucket FROM temp.keep_part) <> 0;
DELETE FROM cadre WHERE region_code NOT IN (SELECT code FROM temp.keep_region)
  OR id % (SELECT parts FROM temp.keep_part) <> (SELECT bucket FROM temp.keep_part);
DELETE FROM party_organization WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM activity WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM treatment_event WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM contribution WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM association WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM venue WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM honor WHERE region_code IN (SELECT code FROM elsewhere);
DELETE FROM fund_entry WHERE '522300' IN (SELECT code FROM elsewhere);
DELETE FROM membership WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR organization_id NOT IN (SELECT id FROM party_organization);
DELETE FROM officer WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR organization_id NOT IN (SELECT id FROM party_organization);
DELETE FROM association_member WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR association_id NOT IN (SELECT id FROM association);
DELETE FROM meeting WHERE organization_id NOT IN (SELECT id FROM party_organization);
-- An activity a branch elsewhere organized in the region stays, without an organizer the file lacks.
UPDATE activity SET organization_id = NULL WHERE organization_id NOT IN (SELECT id FROM party_organization);
DELETE FROM participant WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR (event_table IN ('meeting', 'meeting_leave') AND event_id NOT IN (SELECT id FROM meeting))
  OR (event_table = 'activity' AND event_id NOT IN (SELECT id FROM activity))
  OR (event_table = 'treatment_event' AND event_id NOT IN (SELECT id FROM treatment_event))
  OR (event_table = 'contribution' AND event_id NOT IN (SELECT id FROM contribution));
DELETE FROM payment WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM health_check WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM green_card WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM dues_standard WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM dues_payment WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM family_member WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM hospital_stay WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM transfer WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM pension WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM trip WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM permit_loan WHERE trip_id NOT IN (SELECT id FROM trip)
  OR permit_id NOT IN (SELECT id FROM permit WHERE cadre_id IN (SELECT id FROM cadre));
DELETE FROM permit WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM notice_recipient WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM notice WHERE id NOT IN (SELECT notice_id FROM notice_recipient);
DELETE FROM audit_entry;
DROP VIEW elsewhere;
COMMIT;
PRAGMA foreign_keys = ON;
VACUUM;
