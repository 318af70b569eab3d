/*
 * FreeBSD 11 <-> 12 struct kevent converters (layouts: abi/freebsd/event.h).
 * Pure functions.  out and in may not overlap.
 */
#include <string.h>

#include "abi/freebsd/event.h"

void fbsd_kevent_from11(struct fbsd_kevent *out, const struct fbsd11_kevent *in)
{
	memset(out, 0, sizeof *out);
	out->ident = in->ident;
	out->filter = in->filter;
	out->flags = in->flags;
	out->fflags = in->fflags;
	out->data = in->data;
	out->udata = in->udata;
}

void fbsd_kevent_to11(struct fbsd11_kevent *out, const struct fbsd_kevent *in)
{
	memset(out, 0, sizeof *out);
	out->ident = in->ident;
	out->filter = in->filter;
	out->flags = in->flags;
	out->fflags = in->fflags;
	out->data = in->data;
	out->udata = in->udata;
}
