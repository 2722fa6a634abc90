#include "kalender.h"
void verzuim_kalender_init(void) {}
