#ifndef ENPLAN_CPWQUALITY_SHIM_H
#define ENPLAN_CPWQUALITY_SHIM_H
#include <pwquality.h>
#endif
