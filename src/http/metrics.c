/* metrics.c — the server's counters for GET /metrics, in the Prometheus
 * text exposition format: requests by route label and status, a latency
 * histogram and the open connections gauge. The route table has a fixed
 * number of slots; once full, further routes are counted under
 * route="other" (by status), so memory never grows with hostile input. */
#include "http/http.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

enum { SLOTS = 128, LABEL_MAX = 64, STATUS_MAX = 600, NBUCKETS = 13 };

static const char *const bucket_le[NBUCKETS] = {
	"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
	"0.25", "0.5", "1", "2.5", "5", "10",
};
static const double bucket_max[NBUCKETS] = {
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
};

struct slot {
	char route[LABEL_MAX];
	int status;
	uint64_t count;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct slot slots[SLOTS];
static int nslots;
static uint64_t other_by_status[STATUS_MAX];   /* index 0: a status out of range */
static uint64_t bucket_count[NBUCKETS];        /* per bucket, not cumulative */
static uint64_t req_count;
static double req_seconds;
static atomic_long open_connections;

/* Copies label into dst, cut at a UTF-8 character boundary when too long. */
static void copy_label(char *dst, const char *label)
{
	size_t n = strlen(label);
	if (n >= LABEL_MAX) {
		n = LABEL_MAX - 1;
		while (n > 0 && ((unsigned char)label[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, label, n);
	dst[n] = '\0';
}

void http_metrics_observe(const char *route, int status, double seconds)
{
	char label[LABEL_MAX];
	copy_label(label, route ? route : "unmatched");
	if (seconds < 0)
		seconds = 0;
	pthread_mutex_lock(&mu);
	int i;
	for (i = 0; i < nslots; i++)
		if (slots[i].status == status && strcmp(slots[i].route, label) == 0)
			break;
	if (i == nslots && nslots < SLOTS) {
		memcpy(slots[i].route, label, sizeof label);
		slots[i].status = status;
		nslots++;
	}
	if (i < nslots)
		slots[i].count++;
	else
		other_by_status[status > 0 && status < STATUS_MAX ? status : 0]++;
	for (int b = 0; b < NBUCKETS; b++)
		if (seconds <= bucket_max[b]) {
			bucket_count[b]++;
			break;
		}
	req_count++;
	req_seconds += seconds;
	pthread_mutex_unlock(&mu);
}

void http_metrics_connection(int delta)
{
	atomic_fetch_add(&open_connections, delta);
}

static void put_label_value(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			buf_puts(b, "\\\\");
		else if (*s == '"')
			buf_puts(b, "\\\"");
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
}

void http_metrics_write(struct buf *b)
{
	pthread_mutex_lock(&mu);
	buf_puts(b, "# HELP evne_http_requests_total HTTP requests answered, by route and status.\n"
		    "# TYPE evne_http_requests_total counter\n");
	for (int i = 0; i < nslots; i++) {
		buf_puts(b, "evne_http_requests_total{route=\"");
		put_label_value(b, slots[i].route);
		buf_printf(b, "\",status=\"%d\"} %llu\n", slots[i].status,
			   (unsigned long long)slots[i].count);
	}
	for (int s = 0; s < STATUS_MAX; s++)
		if (other_by_status[s])
			buf_printf(b, "evne_http_requests_total{route=\"other\",status=\"%d\"} %llu\n",
				   s, (unsigned long long)other_by_status[s]);
	buf_puts(b, "# HELP evne_http_request_duration_seconds Time from the request line to the "
		    "response sent.\n"
		    "# TYPE evne_http_request_duration_seconds histogram\n");
	uint64_t cumulative = 0;
	for (int i = 0; i < NBUCKETS; i++) {
		cumulative += bucket_count[i];
		buf_printf(b, "evne_http_request_duration_seconds_bucket{le=\"%s\"} %llu\n",
			   bucket_le[i], (unsigned long long)cumulative);
	}
	buf_printf(b, "evne_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
		      "evne_http_request_duration_seconds_sum %.6f\n"
		      "evne_http_request_duration_seconds_count %llu\n",
		   (unsigned long long)req_count, req_seconds, (unsigned long long)req_count);
	pthread_mutex_unlock(&mu);
	buf_printf(b, "# HELP evne_http_open_connections Client connections open now.\n"
		      "# TYPE evne_http_open_connections gauge\n"
		      "evne_http_open_connections %ld\n", atomic_load(&open_connections));
}
