/*
 * verzuim_toets.c — a test-only module (never installed with the extension;
 * test/suites/61_geheugen.sh builds it into a scratch directory).
 *
 * verzuim_toets_samen(deserialize regprocedure, combine regprocedure,
 *                     final regprocedure, states bytea[]) RETURNS text
 *
 * Calls an aggregate's support functions the way the executor does in a
 * parallel plan, but on states given as SQL values: every element of states
 * is deserialized, the results are combined left to right, and the final
 * function's result is returned as text (NULL for a NULL result).  The
 * functions see a minimal AggState as their context, so AggCheckCallContext
 * succeeds.  This lets a test feed the deserialize and combine functions
 * truncated, reordered, oversized and inconsistent bytes that no SQL path
 * can produce, under valgrind or AddressSanitizer.
 */
#include "postgres.h"

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "nodes/makefuncs.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(verzuim_toets_samen);

static Datum
roep(FmgrInfo *f, Node *ctx, int nargs, Datum a0, bool n0, Datum a1, bool n1, bool *isnull)
{
	LOCAL_FCINFO(fcinfo, 2);
	Datum		r;

	InitFunctionCallInfoData(*fcinfo, f, nargs, InvalidOid, ctx, NULL);
	fcinfo->args[0].value = a0;
	fcinfo->args[0].isnull = n0;
	fcinfo->args[1].value = a1;
	fcinfo->args[1].isnull = n1;
	if (f->fn_strict && (n0 || (nargs > 1 && n1)))
	{
		*isnull = true;
		return (Datum) 0;
	}
	r = FunctionCallInvoke(fcinfo);
	*isnull = fcinfo->isnull;
	return r;
}

Datum
verzuim_toets_samen(PG_FUNCTION_ARGS)
{
	Oid			deser = PG_GETARG_OID(0);
	Oid			comb = PG_GETARG_OID(1);
	Oid			fin = PG_GETARG_OID(2);
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(3);
	MemoryContext aggcxt;
	AggState   *as;
	ExprContext *ec;
	FmgrInfo	fd,
				fc,
				ff;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	Datum		acc = (Datum) 0;
	bool		acc_null = true;
	Datum		r;
	bool		r_null;
	Oid			uit,
				typoutput;
	bool		varlena;

	aggcxt = AllocSetContextCreate(CurrentMemoryContext, "verzuim toets", ALLOCSET_DEFAULT_SIZES);
	as = makeNode(AggState);
	ec = makeNode(ExprContext);
	ec->ecxt_per_tuple_memory = aggcxt;
	as->curaggcontext = ec;
	as->aggcontexts = &ec;

	fmgr_info(deser, &fd);
	fmgr_info(comb, &fc);
	fmgr_info(fin, &ff);
	/* a final function may read its result type from the call expression */
	ff.fn_expr = (Node *) makeFuncExpr(fin, get_func_rettype(fin), NIL,
									   InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
	deconstruct_array(arr, BYTEAOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		Datum		s;
		bool		s_null = true;

		if (!nulls[i])
			/* as nodeAgg.c: the second (internal) argument is a dummy, not NULL */
			s = roep(&fd, (Node *) as, 2, elems[i], false, (Datum) 0, false, &s_null);
		else
			s = (Datum) 0;
		acc = roep(&fc, (Node *) as, 2, acc, acc_null, s, s_null, &acc_null);
	}
	r = roep(&ff, (Node *) as, 1, acc, acc_null, (Datum) 0, true, &r_null);
	if (r_null)
	{
		MemoryContextDelete(aggcxt);
		PG_RETURN_NULL();
	}
	uit = get_func_rettype(fin);
	getTypeOutputInfo(uit, &typoutput, &varlena);
	{
		text	   *t = cstring_to_text(OidOutputFunctionCall(typoutput, r));

		MemoryContextDelete(aggcxt);
		PG_RETURN_TEXT_P(t);
	}
}
