/* cmd_version.c — evne version. The version comes from the Makefile
 * (EVNE_VERSION, from git describe when available). */
#include <stdio.h>

#include "cli/cmds.h"

#ifndef EVNE_VERSION
#define EVNE_VERSION "0.1.0-dev"
#endif

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("evne %s\n", EVNE_VERSION);
	return 0;
}
