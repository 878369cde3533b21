/* cmds.h — one entry point per subcommand (cmd_*.c); main.c holds the table.
 * Each takes argv with argv[0] = the subcommand name and returns the exit
 * status: 0 success, 1 failure, 2 usage error. */
#ifndef EVNE_CMDS_H
#define EVNE_CMDS_H

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_copy(int argc, char **argv);
int cmd_routes(int argc, char **argv);
int cmd_version(int argc, char **argv);

/* Longer help texts, printed by 'evne COMMAND --help' and on usage errors. */
extern const char cmd_serve_help[];
extern const char cmd_import_help[];
extern const char cmd_export_help[];

#endif
