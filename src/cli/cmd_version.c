/* cmd_version.c — evne version. The version comes from the Makefile
 * (build/gen/version.h, from git describe). */
#include <stdio.h>

#include "cli/cmds.h"
#include "version.h"

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("evne %s\n", EVNE_VERSION);
	return 0;
}
