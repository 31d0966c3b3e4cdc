import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage } from './paging';
import type { Id, Task, TaskFilter, TaskInput } from './types';

/** My Today, or a teammate's as they see it (for those whose rights show the team's). */
export function useTodayView(userId?: Id) {
  return useQuery({
    queryKey: userId ? keys.todayOf(userId) : keys.today,
    queryFn: () => call(userId ? commands.todayOf(userId) : commands.today()),
  });
}

/** Every active manager's day side by side: the head's team board. */
export function useTeamBoard() {
  return useQuery({ queryKey: keys.teamBoard, queryFn: () => call(commands.teamBoard()) });
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

/**
 * Changes an open task. Moving an overdue one needs `reason`; the store judges when, and
 * refuses on `reschedule_reason` without it.
 */
export function useEditTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { task: Task; input: TaskInput; reason: string | null }) =>
      call(commands.editTask(v.task.id, v.task.version, v.input, v.reason)),
    onSuccess: () => invalidate('task'),
  });
}

/** Deletes a task; the store keeps an open deal's last open task (rule 2). */
export function useDeleteTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (task: Task) => call(commands.deleteTask(task.id, task.version)),
    onSuccess: () => invalidate('task'),
  });
}

/** The earlier moves of a task's due time while it was overdue, each with its reason. */
export function useTaskReschedules(taskId: Id) {
  return useQuery({ queryKey: keys.taskReschedules(taskId), queryFn: () => call(commands.taskReschedules(taskId)) });
}
