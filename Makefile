# verzuim — PostgreSQL extension for Dutch leerplicht / schoolverzuim figures (PGXS).
#
# One source for the version: default_version in verzuim.control.
#
# The install script of the current version, verzuim--$(EXTVERSION).sql, is
# assembled from the ordered fragments in src/sql/ (one per concern, like the
# C files in src/).  Released install scripts are frozen and committed as they
# were released (verzuim--0.1.sql) and never change again.  The upgrade script
# from the previous release, verzuim--$(PREVVERSION)--$(EXTVERSION).sql, is
# assembled from
#   - every fragment in src/sql/ that the previous release did not have (new
#     objects are created by the same text in a fresh install and an upgrade),
#   - src/sql/upgrade/$(PREVVERSION)--$(EXTVERSION)/*.sql: what changes objects
#     that the previous release already had (CREATE OR REPLACE, ALTER, data),
# in the order of their file names (so 12_x.sql runs between 10_… and 20_…).
# test/suites/10_upgrade.sh proves that an upgraded database equals a fresh install.

EXTENSION   = verzuim
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" $(EXTENSION).control)
PREVVERSION = 0.1
# the fragments that made up the released $(PREVVERSION)
PREV_FRAGMENTS = 00_basis 10_kalender 20_leerplicht 30_registratie 35_schoolvrij \
                 40_loader 50_episodes 60_duur

FRAGMENTS     = $(sort $(wildcard src/sql/*.sql))
NEW_FRAGMENTS = $(filter-out $(patsubst %,src/sql/%.sql,$(PREV_FRAGMENTS)),$(FRAGMENTS))
UPGRADE_FRAGMENTS = $(wildcard src/sql/upgrade/$(PREVVERSION)--$(EXTVERSION)/*.sql)

MODULE_big  = verzuim
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql
# released, frozen install scripts and hand-written upgrade scripts of older releases
DATA        = $(filter-out $(DATA_built),$(wildcard $(EXTENSION)--*.sql))

# pg_regress, contrib style: sql/*.sql with expected/*.out; setup runs first.
REGRESS     = setup $(filter-out setup,$(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql))))

PG_CPPFLAGS = -I$(srcdir)/src -DVERZUIM_VERSION='"$(EXTVERSION)"'
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
              -Wno-missing-field-initializers -Wmissing-prototypes

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(FRAGMENTS) $(EXTENSION).control
	cat $(FRAGMENTS) > $@

# new fragments and upgrade fragments, merged in the order of their base names
$(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql: $(NEW_FRAGMENTS) $(UPGRADE_FRAGMENTS) $(EXTENSION).control
	( printf '%s\n' '-- verzuim $(PREVVERSION) -> $(EXTVERSION); assembled by make from src/sql (see Makefile)' \
	    '\echo Use "ALTER EXTENSION verzuim UPDATE" to load this file. \quit'; \
	  for f in $$(for g in $(NEW_FRAGMENTS) $(UPGRADE_FRAGMENTS); do echo "$$(basename $$g) $$g"; done | sort | cut -d' ' -f2); do \
	    cat $$f; done ) > $@

$(OBJS): $(wildcard src/*.h)

.PHONY: installcheck-pgtap dist
# pgTAP suites against a running server (PGHOST etc.) with verzuim installed:
# a fresh database verzuim_tap each time; PGTAP=test/x.sql for a subset.
PGTAP ?= test/
installcheck-pgtap:
	psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS verzuim_tap' -c 'CREATE DATABASE verzuim_tap'
	psql -X -q -d verzuim_tap -c 'CREATE EXTENSION pgtap'
	pg_prove --ext .sql -d verzuim_tap $(PGTAP)
