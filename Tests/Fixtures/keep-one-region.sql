-- Turns a copy of a laogan database into one region's own file, as a county bureau would keep it: the
-- records of the region in temp.keep_region(code), and the bureau's hardship fund with 州直 (522300).
-- Used by the roll-up test and Benchmarks/run.sh to split one database into counties' files.
PRAGMA foreign_keys = OFF;
BEGIN;
DELETE FROM cadre WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM party_organization WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM activity WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM treatment_event WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM contribution WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM association WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM venue WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM honor WHERE region_code NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM fund_entry WHERE '522300' NOT IN (SELECT code FROM temp.keep_region);
DELETE FROM membership WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR organization_id NOT IN (SELECT id FROM party_organization);
DELETE FROM officer WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR organization_id NOT IN (SELECT id FROM party_organization);
DELETE FROM association_member WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR association_id NOT IN (SELECT id FROM association);
DELETE FROM participant WHERE cadre_id NOT IN (SELECT id FROM cadre)
  OR (event_table = 'activity' AND event_id NOT IN (SELECT id FROM activity))
  OR (event_table = 'treatment_event' AND event_id NOT IN (SELECT id FROM treatment_event))
  OR (event_table = 'contribution' AND event_id NOT IN (SELECT id FROM contribution));
DELETE FROM payment WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM health_check WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM green_card WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM dues_standard WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM dues_payment WHERE cadre_id NOT IN (SELECT id FROM cadre);
DELETE FROM audit_entry;
COMMIT;
PRAGMA foreign_keys = ON;
VACUUM;
