/*
 * brandelf — read or set the EI_OSABI byte of a 64-bit ELF file.
 *
 *   brandelf FILE...              print "FILE: OSABI NAME (n)"
 *   brandelf -t TYPE FILE...      set it; TYPE is FreeBSD, NetBSD, Linux,
 *                                 SYSV or a number 0-255
 *
 * Host tool used by the samples build: the freestanding FreeBSD samples are
 * linked by the Linux toolchain, which writes OSABI 0 (SYSV); FreeBSD's
 * kernel, and persona, expect 9 (FreeBSD).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define EI_CLASS 4
#define EI_OSABI 7
#define ELFCLASS64 2

static const struct {
	const char *name;
	int value;
} brands[] = {
	{"SYSV", 0}, {"NetBSD", 2}, {"Linux", 3}, {"GNU", 3}, {"FreeBSD", 9},
};

static const char *brand_name(int v)
{
	for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++)
		if (brands[i].value == v)
			return brands[i].name;
	return "unknown";
}

static int parse_brand(const char *s)
{
	char *end;
	long v;
	for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++)
		if (strcasecmp(s, brands[i].name) == 0)
			return brands[i].value;
	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || *end || end == s || v < 0 || v > 255)
		return -1;
	return (int)v;
}

static void usage(void)
{
	fprintf(stderr, "usage: brandelf [-t FreeBSD|NetBSD|Linux|SYSV|N] FILE...\n");
	exit(2);
}

/* Returns 0 on success, 1 on failure (message printed). */
static int do_file(const char *path, int brand)
{
	unsigned char ident[16];
	int fd = open(path, brand >= 0 ? O_RDWR : O_RDONLY);
	ssize_t n;

	if (fd < 0) {
		fprintf(stderr, "brandelf: %s: %s\n", path, strerror(errno));
		return 1;
	}
	n = pread(fd, ident, sizeof ident, 0);
	if (n != (ssize_t)sizeof ident || memcmp(ident, "\177ELF", 4) != 0) {
		fprintf(stderr, "brandelf: %s: not an ELF file\n", path);
		close(fd);
		return 1;
	}
	if (ident[EI_CLASS] != ELFCLASS64) {
		fprintf(stderr, "brandelf: %s: not a 64-bit ELF file (class %d)\n", path,
		        ident[EI_CLASS]);
		close(fd);
		return 1;
	}
	if (brand < 0) {
		printf("%s: OSABI %s (%d)\n", path, brand_name(ident[EI_OSABI]), ident[EI_OSABI]);
	} else if (ident[EI_OSABI] != brand) {
		unsigned char b = (unsigned char)brand;
		if (pwrite(fd, &b, 1, EI_OSABI) != 1) {
			fprintf(stderr, "brandelf: %s: write: %s\n", path, strerror(errno));
			close(fd);
			return 1;
		}
	}
	if (close(fd) != 0) {
		fprintf(stderr, "brandelf: %s: close: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int brand = -1, opt, rc = 0;

	while ((opt = getopt(argc, argv, "t:")) != -1) {
		switch (opt) {
		case 't':
			brand = parse_brand(optarg);
			if (brand < 0) {
				fprintf(stderr, "brandelf: unknown brand '%s'\n", optarg);
				usage();
			}
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	for (int i = optind; i < argc; i++)
		rc |= do_file(argv[i], brand);
	return rc;
}
