-- crmkit schema, MariaDB 10.6+: the stages each deal reached in a pipeline, one row per deal and pipeline, so the
-- funnel of crmkit's own deals (JdbcMetrics.pipelineFunnelCounts) is a GROUP BY over one row per deal instead of a
-- GROUP BY deal over every stage history row. Derived from stage_history and written in the same unit of work as
-- each of its rows (JdbcStageHistory; a restore rebuilds the rows of the deals it wrote). reached lists the stages in
-- the order they were first reached, each escaped (~ as ~~, | as ~p) and followed by |, after a leading |
-- ('|lead|qualified|'): the stages of a deal and no others, whatever characters their names hold (compared as bytes:
-- utf8mb4_bin). Not exported (a restore writes it again). Filled here for the stage history stored before this
-- script; CrmSchema.fillStageReach rebuilds it. ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}deal_stage_reach (
    pipeline_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    deal_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reached     MEDIUMTEXT NOT NULL,
    PRIMARY KEY (pipeline_id, deal_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO ${prefix}deal_stage_reach (pipeline_id, deal_id, reached)
SELECT pipeline_id, deal_id,
       CONCAT('|', GROUP_CONCAT(REPLACE(REPLACE(to_stage, '~', '~~'), '|', '~p') ORDER BY first_version
                                SEPARATOR '|'), '|')
FROM (SELECT pipeline_id, deal_id, to_stage, MIN(deal_version) AS first_version
      FROM ${prefix}stage_history GROUP BY pipeline_id, deal_id, to_stage) firsts
GROUP BY pipeline_id, deal_id;
