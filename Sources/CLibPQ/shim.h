#ifndef ENPLAN_CLIBPQ_SHIM_H
#define ENPLAN_CLIBPQ_SHIM_H
/* libpq, PostgreSQL's client library (the second store backend). Debian's libpq-dev puts the
   header under /usr/include/postgresql. */
#include <postgresql/libpq-fe.h>
#endif
