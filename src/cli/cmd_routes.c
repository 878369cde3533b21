/* cmd_routes.c — evne routes: the route tables of the web and the API, one
 * line each (METHOD PATTERN PERMISSION), for operators and for the
 * permission-matrix test. */
#include <stdio.h>

#include "cli/cmds.h"
#include "web/app.h"

static void print_table(const struct route *t, int n)
{
	for (int i = 0; i < n; i++)
		printf("%s %s %s\n", t[i].method, t[i].pattern, action_name(t[i].perm));
}

int cmd_routes(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fputs("usage: evne routes\n", stderr);
		return 2;
	}
	print_table(web_routes, web_routes_count);
	print_table(api_routes, api_routes_count);
	return 0;
}
