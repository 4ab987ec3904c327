import type { FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, toFormErrors } from '../lib/api-error';

/**
 * A call that changes something: on success the given queries reload; on a service error each
 * problem is put next to its field of `form` (when it has one) and the rest is returned as
 * `error` for an <ActionError/> beside the form.
 */
export function useAction<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  options: {
    form?: FormInstance;
    fields?: readonly string[];
    aliases?: Record<string, string>;
    invalidate?: QueryKey[];
    onDone?: (result: TResult) => void;
  } = {},
) {
  const client = useQueryClient();
  const [error, setError] = useState<{ error: ApiError; general?: string } | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setError(null),
    onSuccess: async (result) => {
      await Promise.all(
        (options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })),
      );
      options.onDone?.(result);
    },
    onError: (e: Error) => {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'CONSOLE.NETWORK', e.message);
      const mapped = toFormErrors(apiError, options.fields ?? [], options.aliases);
      if (options.form && mapped.fields.length) options.form.setFields(mapped.fields);
      setError({ error: apiError, general: mapped.general });
    },
  });
  return {
    run: mutation.mutate,
    pending: mutation.isPending,
    error,
    clearError: () => setError(null),
  };
}
