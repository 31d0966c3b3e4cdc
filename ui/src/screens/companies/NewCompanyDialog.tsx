import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CompanyForm } from './CompanyForm';

export function NewCompanyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title={t('companies.new')} size="xl" data-testid="new-company-dialog">
      {opened && (
        <CompanyForm
          company={null}
          onSaved={(c) => {
            onClose();
            navigate(`/companies/${c.id}`);
          }}
        />
      )}
    </Modal>
  );
}
