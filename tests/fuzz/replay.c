/* replay.c — a main() for the fuzz harnesses without libFuzzer: calls
 * LLVMFuzzerTestOneInput once on every regular file in the folders (or on
 * the files) named on the command line, so `make check` replays the committed
 * corpora under ASan+UBSan with the normal compiler. Prints
 * "replayed N inputs" and exits 0; a harness that finds a bug aborts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the file at path; returns 0 and sets *out (malloc'd, NULL when
 * empty) and *len, or -1. */
static int slurp(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	uint8_t *data = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			uint8_t *p = realloc(data, cap);
			if (!p) {
				free(data);
				fclose(f);
				return -1;
			}
			data = p;
		}
		size_t got = fread(data + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(data);
		return -1;
	}
	*out = data;
	*len = n;
	return 0;
}

static int run_file(const char *path, long *count)
{
	uint8_t *data;
	size_t len;
	if (slurp(path, &data, &len)) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		return -1;
	}
	/* An exact-size copy, so ASan sees reads past the end of the input. */
	uint8_t *copy = malloc(len ? len : 1);
	if (!copy) {
		free(data);
		return -1;
	}
	if (len)
		memcpy(copy, data, len);
	free(data);
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	(*count)++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, long *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: cannot open %s\n", dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(names, cap * sizeof *names);
			if (!p) {
				rc = -1;
				break;
			}
			names = p;
		}
		size_t need = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(need);
		if (!names[n]) {
			rc = -1;
			break;
		}
		snprintf(names[n], need, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(names[i], count))
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	long count = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
			rc = 1;
		} else if (S_ISDIR(st.st_mode) ? run_dir(argv[i], &count) : run_file(argv[i], &count)) {
			rc = 1;
		}
	}
	printf("replayed %ld inputs\n", count);
	return rc;
}
