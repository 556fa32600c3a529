#ifndef ENPLAN_CCRYPT_SHIM_H
#define ENPLAN_CCRYPT_SHIM_H
#include <crypt.h>
#endif
