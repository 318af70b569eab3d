/* umtx: FreeBSD's userland synchronisation on _umtx_op(2), the way libthr
 * and libc drive it — umutexes with a userland fast path and a
 * MUTEX_WAIT/MUTEX_WAKE2 slow path, the kernel-side MUTEX_LOCK/UNLOCK,
 * condition variables, _usem2 semaphores — between threads made with
 * thr_new(2) on their own stacks, each ending with thr_exit(2) on a state
 * word the main thread waits on.  Also the single-threaded corner cases
 * (EBUSY, EPERM, timeouts, refusals) and two signal cases (an interrupted
 * relative SEM2_WAIT reports the time left; an untimed MUTEX_LOCK is
 * restarted, not failed, after a handler without SA_RESTART).
 *
 * FreeBSD build only: the Linux build prints the expected lines, so the e2e
 * comparison checks the results persona produces. */
#include "sys.h"

/* Sizes of the threaded tests. */
#define COUNTER_THREADS 4
#define COUNTER_LOOPS 10000
#define KCOUNTER_LOOPS 2000
#define PINGPONG_ROUNDS 1000
#define RING 8
#define ITEMS_PER_PRODUCER 1000
#define BCAST_THREADS 3

#ifdef TARGET_FREEBSD
/* Computed by the FreeBSD build; the Linux build prints what is expected. */
#define RESULT(label, expr, want) show_result(label, (expr))
#define VALUE(label, expr, want)  put_kv(label, (long)(expr))
#else
#define RESULT(label, expr, want) show_want(label, want)
#define VALUE(label, expr, want)  put_kv(label, (long)(want))
static void show_want(const char *label, const char *want)
{
	put_str(label);
	put_str(": ");
	put_str(want);
	put_str("\n");
}
#endif

#ifdef TARGET_FREEBSD
#define NR_thr_exit  431
#define NR_thr_self  432
#define NR_thr_kill  433
#define NR_umtx_op   454
#define NR_thr_new   455

#define UMTX_OP_MUTEX_TRYLOCK      4
#define UMTX_OP_MUTEX_LOCK         5
#define UMTX_OP_MUTEX_UNLOCK       6
#define UMTX_OP_CV_WAIT            8
#define UMTX_OP_CV_SIGNAL          9
#define UMTX_OP_CV_BROADCAST       10
#define UMTX_OP_WAIT_UINT_PRIVATE  15
#define UMTX_OP_MUTEX_WAIT         17
#define UMTX_OP_MUTEX_WAKE         18
#define UMTX_OP_MUTEX_WAKE2        22
#define UMTX_OP_SEM2_WAIT          23
#define UMTX_OP_SEM2_WAKE          24
#define UMTX_OP_ROBUST_LISTS       26

#define UMUTEX_CONTESTED   0x80000000u
#define USEM_HAS_WAITERS   0x80000000u
#define USEM_COUNT(c)      ((c) & 0x7fffffffu)
#define CVWAIT_ABSTIME     0x02
#define CVWAIT_CLOCKID     0x04
#define UMTX_ABSTIME       0x01
#define SIGUSR1            30

struct umutex {
	volatile u32 m_owner;
	u32 m_flags;
	u32 m_ceilings[2];
	u64 m_rb_lnk;
	u32 m_spare[2];
};
struct ucond {
	volatile u32 c_has_waiters;
	u32 c_flags;
	u32 c_clockid;
	u32 c_spare[1];
};
struct usem2 {
	volatile u32 count;
	u32 flags;
};
struct umtx_time {
	struct timespec timeout;
	u32 flags;
	u32 clockid;
};
struct robust_params {
	u64 list, priv_list, inact;
};
struct thr_param {
	void (*start_func)(void *);
	void *arg;
	char *stack_base;
	size_t stack_size;
	char *tls_base;
	size_t tls_size;
	long *child_tid;
	long *parent_tid;
	int flags;
	int pad;
	void *rtp;
	void *spare[3];
};

static long umtx(void *obj, int op, unsigned long val, void *a1, void *a2)
{
	return raw_syscall6(NR_umtx_op, (long)obj, op, (long)val, (long)a1, (long)a2, 0);
}

static void show_result(const char *label, long r)
{
	put_result(label, r);
}

static int cas(volatile u32 *p, u32 old, u32 new_value)
{
	return __atomic_compare_exchange_n(p, &old, new_value, 0, __ATOMIC_SEQ_CST,
	                                   __ATOMIC_SEQ_CST);
}

static u32 self_tid(void)
{
	long tid = 0;
	check("thr_self", SC1(NR_thr_self, &tid));
	return (u32)tid;
}

static void pause_a_little(int n)
{
	for (int i = 0; i < n; i++)
		__asm__ volatile("pause" ::: "memory");
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	sys_nanosleep(&ts, NULL);
}

/* ---- libthr-style umutex: userland fast path, kernel slow path ------- */

static void mtx_lock(struct umutex *m, u32 id)
{
	if (cas(&m->m_owner, 0, id))
		return;
	if (m->m_owner == UMUTEX_CONTESTED && cas(&m->m_owner, UMUTEX_CONTESTED, id | UMUTEX_CONTESTED))
		return;
	for (;;) {
		u32 owner = m->m_owner;
		if ((owner & ~UMUTEX_CONTESTED) == 0 && cas(&m->m_owner, owner, id | owner))
			return;
		umtx(m, UMTX_OP_MUTEX_WAIT, 0, NULL, NULL);
	}
}

static void mtx_unlock(struct umutex *m, u32 id)
{
	u32 owner;
	do {
		owner = m->m_owner;
		if ((owner & ~UMUTEX_CONTESTED) != id)
			die("mtx_unlock: not the owner", -1);
	} while (!cas(&m->m_owner, owner, 0));
	if (owner & UMUTEX_CONTESTED)
		check("MUTEX_WAKE2", umtx(m, UMTX_OP_MUTEX_WAKE2, m->m_flags, NULL, NULL));
}

/* pthread_cond_wait: the kernel unlocks; relock in userland afterwards. */
static long cv_wait(struct ucond *cv, struct umutex *m, u32 id)
{
	long r = umtx(cv, UMTX_OP_CV_WAIT, 0, m, NULL);
	mtx_lock(m, id);
	return r;
}

static void cv_signal(struct ucond *cv)
{
	if (cv->c_has_waiters)
		check("CV_SIGNAL", umtx(cv, UMTX_OP_CV_SIGNAL, 0, NULL, NULL));
}

static void cv_broadcast(struct ucond *cv)
{
	if (cv->c_has_waiters)
		check("CV_BROADCAST", umtx(cv, UMTX_OP_CV_BROADCAST, 0, NULL, NULL));
}

/* libc's sem_wait / sem_post on a _usem2. */
static void sem_wait(struct usem2 *s)
{
	for (;;) {
		u32 c;
		while (USEM_COUNT(c = s->count) > 0)
			if (cas(&s->count, c, c - 1))
				return;
		long r = umtx(s, UMTX_OP_SEM2_WAIT, 0, NULL, NULL);
		if (r < 0 && r != -4 /* EINTR */)
			die("SEM2_WAIT", r);
	}
}

static void sem_post(struct usem2 *s)
{
	u32 c;
	do
		c = s->count;
	while (!cas(&s->count, c, c + 1));
	if (c & USEM_HAS_WAITERS)
		check("SEM2_WAKE", umtx(s, UMTX_OP_SEM2_WAKE, 0, NULL, NULL));
}

/* ---- threads ------------------------------------------------------------ */

#define STACK_SIZE (64 * 1024)
#define TLS_SIZE 256

struct worker {
	volatile long state;    /* set to 1 by thr_exit */
	long tid;
	int index;
};

static void spawn(struct worker *w, void (*fn)(void *), int index)
{
	char *stk = sys_mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
	if (MAP_FAILED_P(stk))
		die("mmap stack", (long)stk);
	w->state = 0;
	w->index = index;
	struct thr_param p;
	memset(&p, 0, sizeof p);
	p.start_func = fn;
	p.arg = w;
	p.tls_base = stk;
	p.tls_size = TLS_SIZE;
	p.stack_base = stk + TLS_SIZE;
	p.stack_size = STACK_SIZE - TLS_SIZE;
	p.parent_tid = &w->tid;
	check("thr_new", SC2(NR_thr_new, &p, sizeof p));
}

static __attribute__((noreturn)) void worker_exit(struct worker *w)
{
	SC1(NR_thr_exit, &w->state);
	for (;;)
		__asm__ volatile("hlt");
}

/* pthread_join: wait on the state word thr_exit sets (libthr waits on its
 * thread's tid word with WAIT_UINT_PRIVATE the same way). */
static void join(struct worker *w)
{
	while (w->state == 0) {
		long r = umtx((void *)&w->state, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL, NULL);
		if (r < 0 && r != -4)
			die("WAIT_UINT_PRIVATE", r);
	}
}

/* ---- 1: counter under a libthr-style umutex ---------------------------- */

static struct umutex counter_mtx;
static volatile long counter;

static void counter_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	for (int i = 0; i < COUNTER_LOOPS; i++) {
		mtx_lock(&counter_mtx, id);
		long v = counter;       /* a lost update shows if exclusion fails */
		pause_a_little(8);
		counter = v + 1;
		mtx_unlock(&counter_mtx, id);
	}
	worker_exit(w);
}

/* ---- 2: counter under kernel MUTEX_LOCK / MUTEX_UNLOCK ------------------ */

static struct umutex kcounter_mtx;
static volatile long kcounter;

static void kcounter_thread(void *arg)
{
	struct worker *w = arg;
	for (int i = 0; i < KCOUNTER_LOOPS; i++) {
		check("MUTEX_LOCK", umtx(&kcounter_mtx, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL));
		long v = kcounter;
		pause_a_little(8);
		kcounter = v + 1;
		check("MUTEX_UNLOCK", umtx(&kcounter_mtx, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL));
	}
	worker_exit(w);
}

/* ---- 3: condition-variable ping-pong ----------------------------------- */

static struct umutex pp_mtx;
static struct ucond pp_cv;
static volatile int pp_turn;
static volatile long pp_exchanges;

static void pingpong_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	for (int i = 0; i < PINGPONG_ROUNDS; i++) {
		mtx_lock(&pp_mtx, id);
		while (pp_turn != w->index)
			cv_wait(&pp_cv, &pp_mtx, id);
		pp_turn = 1 - w->index;
		pp_exchanges++;
		cv_signal(&pp_cv);
		mtx_unlock(&pp_mtx, id);
	}
	worker_exit(w);
}

/* ---- 4: semaphores: producers and consumers over a ring ---------------- */

static struct usem2 ring_free = { RING, 0 }, ring_full = { 0, 0 };
static struct umutex ring_mtx;
static long ring[RING];
static unsigned ring_head, ring_tail;
static volatile long consumed_sum, consumed_count;

static void producer_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	for (long i = 1; i <= ITEMS_PER_PRODUCER; i++) {
		sem_wait(&ring_free);
		mtx_lock(&ring_mtx, id);
		ring[ring_head++ % RING] = i + (long)w->index * ITEMS_PER_PRODUCER;
		mtx_unlock(&ring_mtx, id);
		sem_post(&ring_full);
	}
	worker_exit(w);
}

static void consumer_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	for (long i = 0; i < ITEMS_PER_PRODUCER; i++) {
		sem_wait(&ring_full);
		mtx_lock(&ring_mtx, id);
		consumed_sum += ring[ring_tail++ % RING];
		consumed_count++;
		mtx_unlock(&ring_mtx, id);
		sem_post(&ring_free);
	}
	worker_exit(w);
}

/* ---- 5: broadcast ------------------------------------------------------- */

static struct umutex bc_mtx;
static struct ucond bc_cv;
static volatile int bc_go, bc_ready, bc_woken;

static void broadcast_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	mtx_lock(&bc_mtx, id);
	bc_ready++;
	while (!bc_go)
		cv_wait(&bc_cv, &bc_mtx, id);
	bc_woken++;
	mtx_unlock(&bc_mtx, id);
	worker_exit(w);
}

/* ---- 6: signals --------------------------------------------------------- */

static volatile int handled;
static volatile int stop_signalling;
static long main_tid;
static struct umutex sig_mtx;
static volatile int sig_mtx_held;

static void on_usr1(int sig)
{
	handled++;
}

/* Keeps interrupting the main thread until it says it is done. */
static void signaller_thread(void *arg)
{
	struct worker *w = arg;
	while (!stop_signalling) {
		sleep_ms(20);
		if (!stop_signalling)
			SC2(NR_thr_kill, main_tid, SIGUSR1);
	}
	worker_exit(w);
}

/* Holds sig_mtx while signalling the main thread, then lets it go. */
static void holder_thread(void *arg)
{
	struct worker *w = arg;
	u32 id = self_tid();
	mtx_lock(&sig_mtx, id);
	sig_mtx_held = 1;
	for (int i = 0; i < 5; i++) {
		sleep_ms(20);
		SC2(NR_thr_kill, main_tid, SIGUSR1);
	}
	sleep_ms(20);
	mtx_unlock(&sig_mtx, id);
	worker_exit(w);
}

static struct umtx_time rel_ms(long ms)
{
	struct umtx_time t = { { ms / 1000, (ms % 1000) * 1000000 }, 0, CLOCK_MONOTONIC };
	return t;
}
#endif /* TARGET_FREEBSD */

int main(int argc, char **argv, char **envp)
{
#ifdef TARGET_FREEBSD
	u32 me = self_tid();
	main_tid = me;
	struct umutex m;
	struct ucond cv;
	struct usem2 s;
	struct umtx_time t;
	struct timespec ts;
	memset(&m, 0, sizeof m);
	memset(&cv, 0, sizeof cv);
#endif

	/* ---- single-threaded ---- */
	RESULT("trylock", umtx(&m, UMTX_OP_MUTEX_TRYLOCK, 0, NULL, NULL), "OK");
	VALUE("trylock-owner-is-self", m.m_owner == me, 1);
	RESULT("trylock-again", umtx(&m, UMTX_OP_MUTEX_TRYLOCK, 0, NULL, NULL), "EBUSY");
	RESULT("unlock", umtx(&m, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL), "OK");
	VALUE("unlock-owner", m.m_owner, 0);
	RESULT("unlock-unowned", umtx(&m, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL), "EPERM");
	RESULT("lock", umtx(&m, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL), "OK");
	RESULT("unlock", umtx(&m, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL), "OK");
	RESULT("lock-bad-address", umtx((void *)8, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL), "EFAULT");

	RESULT("mutex-wait-free", umtx(&m, UMTX_OP_MUTEX_WAIT, 0, NULL, NULL), "OK");
#ifdef TARGET_FREEBSD
	m.m_owner = 100;        /* held by someone else */
	t = rel_ms(20);
#endif
	RESULT("mutex-wait-timeout", umtx(&m, UMTX_OP_MUTEX_WAIT, 0, (void *)sizeof t, &t), "ETIMEDOUT");
	VALUE("mutex-wait-marked-contested", m.m_owner == (100 | UMUTEX_CONTESTED), 1);
#ifdef TARGET_FREEBSD
	t.timeout.tv_sec = 1;     /* long past on CLOCK_MONOTONIC (0 would mean */
	t.timeout.tv_nsec = 0;    /* "no timeout" to FreeBSD's sleep queue) */
	t.flags = UMTX_ABSTIME;
#endif
	RESULT("mutex-wait-abstime-past", umtx(&m, UMTX_OP_MUTEX_WAIT, 0, (void *)sizeof t, &t), "ETIMEDOUT");
	RESULT("mutex-wake2-owned", umtx(&m, UMTX_OP_MUTEX_WAKE2, 0, NULL, NULL), "OK");
	VALUE("mutex-wake2-owner-kept", m.m_owner == (100 | UMUTEX_CONTESTED), 1);
#ifdef TARGET_FREEBSD
	m.m_owner = UMUTEX_CONTESTED;   /* free, marked contested, nobody asleep */
#endif
	RESULT("mutex-wake", umtx(&m, UMTX_OP_MUTEX_WAKE, 0, NULL, NULL), "OK");
	VALUE("mutex-wake-owner", m.m_owner, 0);

	RESULT("cv-wait-not-owner", umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, NULL), "EPERM");
	VALUE("cv-has-waiters", cv.c_has_waiters, 0);
#ifdef TARGET_FREEBSD
	mtx_lock(&m, me);
	ts.tv_sec = 0;
	ts.tv_nsec = 20000000;
#endif
	RESULT("cv-wait-timeout", umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, &ts), "ETIMEDOUT");
	VALUE("cv-wait-unlocked", m.m_owner, 0);
	VALUE("cv-has-waiters", cv.c_has_waiters, 0);
#ifdef TARGET_FREEBSD
	mtx_lock(&m, me);
	cv.c_clockid = CLOCK_MONOTONIC;
	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_nsec -= 1000000000;
		ts.tv_sec++;
	}
#endif
	RESULT("cv-wait-abstime", umtx(&cv, UMTX_OP_CV_WAIT, CVWAIT_ABSTIME | CVWAIT_CLOCKID, &m, &ts), "ETIMEDOUT");
#ifdef TARGET_FREEBSD
	mtx_lock(&m, me);
	cv.c_clockid = 14;  /* CLOCK_THREAD_CPUTIME_ID: cannot time a sleep */
#endif
	RESULT("cv-wait-bad-clock", umtx(&cv, UMTX_OP_CV_WAIT, CVWAIT_CLOCKID, &m, &ts), "EINVAL");
	VALUE("cv-wait-bad-clock-still-locked", m.m_owner == me, 1);
	RESULT("cv-signal-nobody", umtx(&cv, UMTX_OP_CV_SIGNAL, 0, NULL, NULL), "OK");
	RESULT("cv-broadcast-nobody", umtx(&cv, UMTX_OP_CV_BROADCAST, 0, NULL, NULL), "OK");
#ifdef TARGET_FREEBSD
	mtx_unlock(&m, me);
	s.count = 1;
	s.flags = 0;
#endif
	RESULT("sem2-wait-nonzero", umtx(&s, UMTX_OP_SEM2_WAIT, 0, NULL, NULL), "OK");
	VALUE("sem2-count", s.count, 1);
#ifdef TARGET_FREEBSD
	s.count = 0;
	t = rel_ms(20);
#endif
	RESULT("sem2-wait-timeout", umtx(&s, UMTX_OP_SEM2_WAIT, 0, (void *)sizeof t, &t), "ETIMEDOUT");
	VALUE("sem2-has-waiters", (s.count & USEM_HAS_WAITERS) != 0, 1);
	RESULT("sem2-wake-nobody", umtx(&s, UMTX_OP_SEM2_WAKE, 0, NULL, NULL), "OK");
#ifdef TARGET_FREEBSD
	struct robust_params rb = { 0, 0, 0 };
#endif
	RESULT("robust-lists", umtx(NULL, UMTX_OP_ROBUST_LISTS, sizeof rb, &rb, NULL), "OK");
	RESULT("robust-lists-too-big", umtx(NULL, UMTX_OP_ROBUST_LISTS, sizeof rb + 8, &rb, NULL), "EINVAL");

	/* ---- threads ---- */
#ifdef TARGET_FREEBSD
	struct worker w[COUNTER_THREADS + 1];
	for (int i = 0; i < COUNTER_THREADS; i++)
		spawn(&w[i], counter_thread, i);
	for (int i = 0; i < COUNTER_THREADS; i++)
		join(&w[i]);
#endif
	VALUE("counter", counter, COUNTER_THREADS * COUNTER_LOOPS);
	VALUE("counter-mutex-free", (counter_mtx.m_owner & ~UMUTEX_CONTESTED) == 0, 1);

#ifdef TARGET_FREEBSD
	for (int i = 0; i < COUNTER_THREADS; i++)
		spawn(&w[i], kcounter_thread, i);
	for (int i = 0; i < COUNTER_THREADS; i++)
		join(&w[i]);
#endif
	VALUE("kernel-lock-counter", kcounter, COUNTER_THREADS * KCOUNTER_LOOPS);

#ifdef TARGET_FREEBSD
	for (int i = 0; i < 2; i++)
		spawn(&w[i], pingpong_thread, i);
	for (int i = 0; i < 2; i++)
		join(&w[i]);
#endif
	VALUE("cv-pingpong-exchanges", pp_exchanges, 2 * PINGPONG_ROUNDS);

#ifdef TARGET_FREEBSD
	spawn(&w[0], producer_thread, 0);
	spawn(&w[1], producer_thread, 1);
	spawn(&w[2], consumer_thread, 2);
	spawn(&w[3], consumer_thread, 3);
	for (int i = 0; i < 4; i++)
		join(&w[i]);
#endif
	VALUE("sem2-consumed", consumed_count, 2 * ITEMS_PER_PRODUCER);
	VALUE("sem2-sum", consumed_sum, (2L * ITEMS_PER_PRODUCER) * (2L * ITEMS_PER_PRODUCER + 1) / 2);
	VALUE("sem2-free-slots", USEM_COUNT(ring_free.count), RING);

#ifdef TARGET_FREEBSD
	for (int i = 0; i < BCAST_THREADS; i++)
		spawn(&w[i], broadcast_thread, i);
	while (__atomic_load_n(&bc_ready, __ATOMIC_SEQ_CST) < BCAST_THREADS)
		sleep_ms(1);
	mtx_lock(&bc_mtx, me);
	bc_go = 1;
	cv_broadcast(&bc_cv);
	mtx_unlock(&bc_mtx, me);
	for (int i = 0; i < BCAST_THREADS; i++)
		join(&w[i]);
#endif
	VALUE("cv-broadcast-woken", bc_woken, BCAST_THREADS);

	/* ---- signals (handler without SA_RESTART) ---- */
#ifdef TARGET_FREEBSD
	struct k_sigaction act = { 0 };
	act.handler = (void *)on_usr1;
	check("sigaction", SC3(NR_sigaction, SIGUSR1, &act, 0));
	struct {
		struct umtx_time t;
		struct timespec left;
	} tl;
	tl.t = rel_ms(10000);
	tl.left.tv_sec = -1;
	tl.left.tv_nsec = -1;
	s.count = 0;
	stop_signalling = 0;
	spawn(&w[0], signaller_thread, 0);
	long r = umtx(&s, UMTX_OP_SEM2_WAIT, 0, (void *)sizeof tl, &tl);
	stop_signalling = 1;
	join(&w[0]);
#endif
	RESULT("sem2-wait-interrupted", r, "EINTR");
	VALUE("sem2-time-left-written", tl.left.tv_sec >= 0 && tl.left.tv_sec < 10 &&
	      tl.left.tv_nsec >= 0 && tl.left.tv_nsec < 1000000000, 1);
	VALUE("sem2-timeout-unchanged", tl.t.timeout.tv_sec, 10);

#ifdef TARGET_FREEBSD
	spawn(&w[0], holder_thread, 0);
	while (!sig_mtx_held)
		sleep_ms(1);
	r = umtx(&sig_mtx, UMTX_OP_MUTEX_LOCK, 0, NULL, NULL);
#endif
	RESULT("mutex-lock-restarted", r, "OK");
	VALUE("mutex-lock-owner-is-self", (sig_mtx.m_owner & ~UMUTEX_CONTESTED) == me, 1);
	VALUE("signals-handled", handled > 0, 1);
#ifdef TARGET_FREEBSD
	check("MUTEX_UNLOCK", umtx(&sig_mtx, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL));
	join(&w[0]);
#endif

	put_str("umtx: done\n");
	return 0;
}
