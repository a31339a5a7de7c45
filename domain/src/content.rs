//! The content catalogue of the professionals' section (SPEC §3): treatment programmes,
//! symptom questionnaires, guides for referring patients to internet therapies, and training,
//! each meant for some professional groups. The server sends a user only what their group may
//! see; [`ContentItem::visible_to`] is that rule.

use serde::{Deserialize, Serialize};

use crate::localised::Localised;
use crate::profession::ProfessionalGroup;
use crate::profession::ProfessionalGroup::*;

/// What kind of content an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    /// An internet therapy programme (hoito-ohjelma).
    TreatmentProgramme,
    /// A symptom questionnaire (oirekysely).
    SymptomQuestionnaire,
    /// How to refer a patient to an internet therapy (ohjausopas).
    ReferralGuide,
    /// Training material (koulutus).
    Training,
}

/// Who an item is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Every professional group.
    Everyone,
    /// Only these groups.
    Only(&'static [ProfessionalGroup]),
}

/// One item of the catalogue.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct ContentItem {
    /// The stable id.
    pub id: &'static str,
    /// What kind of content it is.
    pub kind: ContentKind,
    /// The title.
    pub title: Localised,
    /// A one-sentence summary.
    pub summary: Localised,
    /// Who it is meant for.
    pub audience: Audience,
}

impl ContentItem {
    /// Whether a user of `group` may see the item.
    pub fn visible_to(&self, group: ProfessionalGroup) -> bool {
        match self.audience {
            Audience::Everyone => true,
            Audience::Only(groups) => groups.contains(&group),
        }
    }
}

/// The items a user of `group` may see, in catalogue order.
pub fn content_for(group: ProfessionalGroup) -> impl Iterator<Item = &'static ContentItem> {
    CONTENT.iter().filter(move |item| item.visible_to(group))
}

const CLINICAL: &[ProfessionalGroup] = &[
    Physician,
    Psychologist,
    Psychotherapist,
    RegisteredNurse,
    PublicHealthNurse,
];
const REFERRERS: &[ProfessionalGroup] = &[
    Physician,
    Psychologist,
    Psychotherapist,
    RegisteredNurse,
    PublicHealthNurse,
    SocialWorker,
];
const SOCIAL_CARE: &[ProfessionalGroup] = &[SocialWorker, Socionom, PracticalNurse];
const MEDICATION: &[ProfessionalGroup] = &[Physician, RegisteredNurse];
const THERAPISTS: &[ProfessionalGroup] = &[Psychologist, Psychotherapist];
const REHABILITATION: &[ProfessionalGroup] = &[Physiotherapist, OccupationalTherapist];
const STUDENTS: &[ProfessionalGroup] = &[Student];

/// The catalogue.
pub static CONTENT: [ContentItem; 14] = [
    ContentItem {
        id: "depression-programme",
        kind: ContentKind::TreatmentProgramme,
        title: Localised {
            fi: "Masennuksen nettiterapia",
            sv: "Internetterapi för depression",
            en: "Internet therapy for depression",
        },
        summary: Localised {
            fi: "Kognitiiviseen käyttäytymisterapiaan perustuva hoito-ohjelma lievään ja keskivaikeaan masennukseen.",
            sv: "Ett vårdprogram baserat på kognitiv beteendeterapi för lindrig och medelsvår depression.",
            en: "A treatment programme based on cognitive behavioural therapy for mild and moderate depression.",
        },
        audience: Audience::Everyone,
    },
    ContentItem {
        id: "anxiety-programme",
        kind: ContentKind::TreatmentProgramme,
        title: Localised {
            fi: "Ahdistuksen nettiterapia",
            sv: "Internetterapi för ångest",
            en: "Internet therapy for anxiety",
        },
        summary: Localised {
            fi: "Hoito-ohjelma yleistyneeseen ahdistuneisuuteen ja paniikkioireisiin.",
            sv: "Ett vårdprogram för generaliserad ångest och paniksymtom.",
            en: "A treatment programme for generalised anxiety and panic symptoms.",
        },
        audience: Audience::Everyone,
    },
    ContentItem {
        id: "insomnia-programme",
        kind: ContentKind::TreatmentProgramme,
        title: Localised {
            fi: "Unettomuuden nettiterapia",
            sv: "Internetterapi för sömnlöshet",
            en: "Internet therapy for insomnia",
        },
        summary: Localised {
            fi: "Hoito-ohjelma pitkittyneen unettomuuden hoitoon ilman lääkkeitä.",
            sv: "Ett vårdprogram för långvarig sömnlöshet utan läkemedel.",
            en: "A treatment programme for long-term insomnia without medication.",
        },
        audience: Audience::Everyone,
    },
    ContentItem {
        id: "phq-9",
        kind: ContentKind::SymptomQuestionnaire,
        title: Localised {
            fi: "PHQ-9-masennusoirekysely",
            sv: "PHQ-9-enkät om depressionssymtom",
            en: "PHQ-9 depression symptom questionnaire",
        },
        summary: Localised {
            fi: "Masennusoireiden vaikeusasteen arviointi ja pisteytysohje.",
            sv: "Bedömning av depressionssymtomens svårighetsgrad och poängsättning.",
            en: "Assessing the severity of depression symptoms, with scoring guidance.",
        },
        audience: Audience::Only(CLINICAL),
    },
    ContentItem {
        id: "gad-7",
        kind: ContentKind::SymptomQuestionnaire,
        title: Localised {
            fi: "GAD-7-ahdistuneisuusoirekysely",
            sv: "GAD-7-enkät om ångestsymtom",
            en: "GAD-7 anxiety symptom questionnaire",
        },
        summary: Localised {
            fi: "Ahdistuneisuusoireiden seulonta ja seuranta hoidon aikana.",
            sv: "Screening och uppföljning av ångestsymtom under vården.",
            en: "Screening and following anxiety symptoms during treatment.",
        },
        audience: Audience::Only(CLINICAL),
    },
    ContentItem {
        id: "audit",
        kind: ContentKind::SymptomQuestionnaire,
        title: Localised {
            fi: "AUDIT-alkoholikysely",
            sv: "AUDIT-alkoholenkät",
            en: "AUDIT alcohol questionnaire",
        },
        summary: Localised {
            fi: "Alkoholin käytön riskien tunnistaminen ja puheeksi ottaminen.",
            sv: "Att känna igen riskerna med alkoholbruk och ta upp dem.",
            en: "Recognising the risks of alcohol use and raising them with the patient.",
        },
        audience: Audience::Everyone,
    },
    ContentItem {
        id: "referral-adults",
        kind: ContentKind::ReferralGuide,
        title: Localised {
            fi: "Aikuisen ohjaaminen nettiterapiaan",
            sv: "Att hänvisa en vuxen till internetterapi",
            en: "Referring an adult to internet therapy",
        },
        summary: Localised {
            fi: "Lähetteen tekeminen, sopivuuden arviointi ja hoidon aloitus.",
            sv: "Remiss, bedömning av lämplighet och start av vården.",
            en: "Making the referral, assessing suitability and starting the treatment.",
        },
        audience: Audience::Only(REFERRERS),
    },
    ContentItem {
        id: "referral-young-people",
        kind: ContentKind::ReferralGuide,
        title: Localised {
            fi: "Nuoren ohjaaminen nettiterapiaan",
            sv: "Att hänvisa en ung person till internetterapi",
            en: "Referring a young person to internet therapy",
        },
        summary: Localised {
            fi: "Nuorten nettiterapioiden ohjauskäytännöt ja huoltajan rooli.",
            sv: "Hänvisningspraxis för ungas internetterapier och vårdnadshavarens roll.",
            en: "Referral practice for young people's internet therapies and the guardian's role.",
        },
        audience: Audience::Only(REFERRERS),
    },
    ContentItem {
        id: "medication-follow-up",
        kind: ContentKind::ReferralGuide,
        title: Localised {
            fi: "Masennuslääkityksen seuranta nettiterapian aikana",
            sv: "Uppföljning av antidepressiv medicinering under internetterapi",
            en: "Following antidepressant medication during internet therapy",
        },
        summary: Localised {
            fi: "Lääkityksen aloitus, annosmuutokset ja haittavaikutusten seuranta.",
            sv: "Insättning, dosändringar och uppföljning av biverkningar.",
            en: "Starting medication, changing doses and following side effects.",
        },
        audience: Audience::Only(MEDICATION),
    },
    ContentItem {
        id: "brief-cbt-training",
        kind: ContentKind::Training,
        title: Localised {
            fi: "Kognitiivisen lyhytterapian perusteet",
            sv: "Grunderna i kognitiv korttidsterapi",
            en: "Foundations of brief cognitive therapy",
        },
        summary: Localised {
            fi: "Verkkokoulutus terapeuttisen tuen antamisesta nettiterapian rinnalla.",
            sv: "Webbutbildning i att ge terapeutiskt stöd vid sidan av internetterapi.",
            en: "Online training in giving therapeutic support alongside internet therapy.",
        },
        audience: Audience::Only(THERAPISTS),
    },
    ContentItem {
        id: "social-work-training",
        kind: ContentKind::Training,
        title: Localised {
            fi: "Mielenterveys sosiaalityössä",
            sv: "Psykisk hälsa i socialt arbete",
            en: "Mental health in social work",
        },
        summary: Localised {
            fi: "Mielenterveyden tuen keinot sosiaalihuollon asiakastyössä.",
            sv: "Sätt att stödja psykisk hälsa i klientarbetet inom socialvården.",
            en: "Ways of supporting mental health in social welfare client work.",
        },
        audience: Audience::Only(SOCIAL_CARE),
    },
    ContentItem {
        id: "body-and-mind-training",
        kind: ContentKind::Training,
        title: Localised {
            fi: "Keho ja mieli kuntoutuksessa",
            sv: "Kropp och sinne i rehabiliteringen",
            en: "Body and mind in rehabilitation",
        },
        summary: Localised {
            fi: "Mielenterveyden huomioiminen fysio- ja toimintaterapiassa.",
            sv: "Att beakta psykisk hälsa i fysioterapi och ergoterapi.",
            en: "Taking mental health into account in physiotherapy and occupational therapy.",
        },
        audience: Audience::Only(REHABILITATION),
    },
    ContentItem {
        id: "student-introduction",
        kind: ContentKind::Training,
        title: Localised {
            fi: "Opiskelijan johdatus mielenterveystyöhön",
            sv: "Introduktion till psykiskt hälsoarbete för studerande",
            en: "An introduction to mental health work for students",
        },
        summary: Localised {
            fi: "Harjoittelua varten: nettiterapiat, oirekyselyt ja ohjauksen periaatteet.",
            sv: "Inför praktiken: internetterapier, symtomenkäter och principerna för hänvisning.",
            en: "For placements: internet therapies, symptom questionnaires and referral principles.",
        },
        audience: Audience::Only(STUDENTS),
    },
    ContentItem {
        id: "first-conversation-training",
        kind: ContentKind::Training,
        title: Localised {
            fi: "Puheeksiotto ja ensimmäinen keskustelu",
            sv: "Att ta upp saken och det första samtalet",
            en: "Raising the subject and the first conversation",
        },
        summary: Localised {
            fi: "Miten kysyä mielialasta ja kertoa nettiterapian mahdollisuudesta.",
            sv: "Hur man frågar om sinnesstämningen och berättar om möjligheten till internetterapi.",
            en: "How to ask about mood and tell about the option of internet therapy.",
        },
        audience: Audience::Everyone,
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::localised::Language;

    fn ids(group: ProfessionalGroup) -> Vec<&'static str> {
        content_for(group).map(|item| item.id).collect()
    }

    #[test]
    fn ids_are_unique_and_every_text_exists_in_every_language() {
        let ids: HashSet<_> = CONTENT.iter().map(|item| item.id).collect();
        assert_eq!(ids.len(), CONTENT.len());
        for item in &CONTENT {
            for language in Language::ALL {
                assert!(!item.title.get(language).is_empty(), "{}", item.id);
                assert!(!item.summary.get(language).is_empty(), "{}", item.id);
            }
        }
    }

    #[test]
    fn every_kind_of_the_spec_is_in_the_catalogue() {
        for kind in [
            ContentKind::TreatmentProgramme,
            ContentKind::SymptomQuestionnaire,
            ContentKind::ReferralGuide,
            ContentKind::Training,
        ] {
            assert!(CONTENT.iter().any(|item| item.kind == kind), "{kind:?}");
        }
    }

    #[test]
    fn groups_see_what_is_meant_for_them() {
        let everyone = [
            "depression-programme",
            "anxiety-programme",
            "insomnia-programme",
            "audit",
            "first-conversation-training",
        ];
        for group in ProfessionalGroup::ALL {
            let visible = ids(group);
            for id in everyone {
                assert!(visible.contains(&id), "{group:?} should see {id}");
            }
        }
        assert!(ids(Physician).contains(&"medication-follow-up"));
        assert!(ids(RegisteredNurse).contains(&"medication-follow-up"));
        assert!(!ids(Psychologist).contains(&"medication-follow-up"));
        assert!(ids(Student).contains(&"student-introduction"));
        assert!(!ids(Physician).contains(&"student-introduction"));
        assert!(!ids(Student).contains(&"phq-9"));
        assert_eq!(ids(OtherProfessional), everyone);
    }

    #[test]
    fn every_item_is_visible_to_some_group() {
        for item in &CONTENT {
            assert!(
                ProfessionalGroup::ALL
                    .into_iter()
                    .any(|group| item.visible_to(group)),
                "{}",
                item.id
            );
        }
    }
}
