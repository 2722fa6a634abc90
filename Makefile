# verzuim — PostgreSQL extension for Dutch leerplicht / schoolverzuim figures (PGXS).
#
# The install script verzuim--$(EXTVERSION).sql is assembled from the ordered
# fragments in src/sql/ (one per concern, like the C files in src/).  Once a
# version is released its assembled script is frozen and committed as-is, and
# changes go into verzuim--A--B.sql upgrade scripts.

EXTENSION   = verzuim
EXTVERSION  = 0.1
MODULE_big  = verzuim
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard $(EXTENSION)--*--*.sql))

# pg_regress, contrib style: sql/*.sql with expected/*.out; setup runs first.
REGRESS     = setup $(filter-out setup,$(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql))))


PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
              -Wno-missing-field-initializers -Wmissing-prototypes

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard src/sql/*.sql))
	cat $^ > $@

$(OBJS): $(wildcard src/*.h)

.PHONY: installcheck-pgtap
installcheck-pgtap:
	pg_prove --ext .sql -d $${PGDATABASE:-postgres} test/
