import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage } from './paging';
import type { Task, TaskFilter, TaskInput } from './types';

export function useToday() {
  return useQuery({ queryKey: keys.today, queryFn: () => call(commands.today()) });
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: keys.taskList(filter),
    queryFn: () => call(commands.listTasks(filter, firstPage())),
    enabled,
  });
}

export function useCreateTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TaskInput) => call(commands.createTask(input)),
    onSuccess: () => invalidate('task'),
  });
}

/** Completes a task and creates its next one (or none) in one command, one transaction. */
export function useCompleteTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { task: Task; result: string; next: TaskInput | null }) =>
      call(commands.completeTask(v.task.id, v.task.version, v.result, v.next)),
    onSuccess: () => invalidate('task'),
  });
}
