import { useState } from 'react';
import type { Task } from '../api/types';
import { CompleteTaskDialog } from './CompleteTaskDialog';
import { EditTaskDialog } from './EditTaskDialog';

/** Completing and editing for a list of `TaskItem`s: the handlers to pass and the dialogs to render. */
export function useTaskDialogs() {
  const [completing, setCompleting] = useState<Task | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const dialogs = (
    <>
      <CompleteTaskDialog task={completing} onClose={() => setCompleting(null)} />
      <EditTaskDialog task={editing} onClose={() => setEditing(null)} />
    </>
  );
  return { onComplete: setCompleting, onEdit: setEditing, dialogs };
}
